package org.flexphase.hopfield;

import java.util.Locale;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.FlexiblePhaseMoments;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.learning.TraceGate;
import org.flexphase.util.Rngs;

/**
 * Prints the exact relative bias {@code |h - u| / |u|} of the trace rules against the paired estimator (docs/theory.md
 * section 5.3, the bias tables): EP with equilibrated phases ({@link TraceMoments}) on a 3-4-2 network with two
 * examples, and coupled learning with uniform relaxation ({@link FlexiblePhaseMoments}) on a 12-node network with two
 * examples. Not a test: {@code java -cp ... org.flexphase.hopfield.GatedTraceBiasTable}.
 */
public final class GatedTraceBiasTable {
    private GatedTraceBiasTable() {
    }

    static double rel(double[] h, double[] u) {
        double d = 0;
        double n = 0;
        for (int k = 0; k < u.length; k++) {
            d += (h[k] - u[k]) * (h[k] - u[k]);
            n += u[k] * u[k];
        }
        return Math.sqrt(d / n);
    }

    public static void main(String[] args) {
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.stream(7, 1), 3, 4, 2);
        Examples ex = new Examples(new double[][]{{0.9, 0.1, 0.5}, {0.2, 0.8, 0.4}},
                new double[][]{{1, 0}, {0, 1}}, new int[]{0, 1});
        EquilibriumPropagation ep = EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.ONE_SIDED, 0.5);
        double[] u = TraceMoments.pairedUpdate(ep, ex);
        double b = 0.5;
        System.out.println("EP 3-4-2, two examples, beta 0.5, b 0.5, equilibrated phases: relative bias");
        System.out.println("q p | ungated tau=4 | gated both tau=4 | gated nudged tau=4 | gated nudged tau=1 | "
                + "nudged tau=1 hold=1 (kappa)");
        for (double q : new double[]{0.01, 0.001}) {
            for (double p : new double[]{0.4, 0.2, 0.1, 0.05, 0.025}) {
                double[] hu = TraceMoments.meanUpdate(ep.withTrace(4, TraceGate.ALWAYS, 0), ex, b, p, q);
                double[] hg = TraceMoments.meanUpdate(ep.withTrace(4, TraceGate.FREE_ONLY, 0), ex, b, p, q);
                double[] hn = TraceMoments.meanUpdate(ep.withTrace(4, TraceGate.FREE_ONLY_NUDGED_TERM, 0), ex, b, p,
                        q);
                double[] h1 = TraceMoments.meanUpdate(ep.withTrace(1, TraceGate.FREE_ONLY_NUDGED_TERM, 0), ex, b, p,
                        q);
                double[] hh = TraceMoments.meanUpdate(ep.withTrace(1, TraceGate.FREE_ONLY_NUDGED_TERM, 1), ex, b, p,
                        q);
                double hu2 = 0;
                double uu = 0;
                for (int k = 0; k < u.length; k++) {
                    hu2 += hh[k] * u[k];
                    uu += u[k] * u[k];
                }
                double kappa = hu2 / uu;
                double[] scaled = hh.clone();
                for (int k = 0; k < u.length; k++) {
                    scaled[k] = hh[k] / kappa;
                }
                System.out.printf(Locale.ROOT, "%.3f %.3f | %.4f | %.4f | %.4f | %.4f | %.2e (%.3f)%n", q, p,
                        rel(hu, u), rel(hg, u), rel(hn, u), rel(h1, u), rel(scaled, u), kappa);
            }
        }
        ResistorNetwork rn = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(12, 4.0, 1), 2, 2, 1.0, 1e-3, 1e3,
                2);
        CouplingTask task = CouplingTask.randomLinear(2, 2, 2, 3);
        CoupledLearning cl = new CoupledLearning(rn, task, 0.1, Relaxation.Kind.UNIFORM, 0.5);
        double[] uc = cl.twoPhaseUpdate();
        System.out.println("coupled learning, 12 nodes, two examples, eta_c 0.1, uniform relaxation r = 0.5, b 0.5, "
                + "q = p/5: relative bias");
        System.out.println("p | no trace | ungated tau=4 | gated both tau=4 | gated nudged tau=4 | gated nudged tau=1");
        for (double p : new double[]{0.2, 0.1, 0.05, 0.025, 0.0125}) {
            double q = p / 5;
            System.out.printf(Locale.ROOT, "%.4f | %.4f | %.4f | %.4f | %.4f | %.4f%n", p,
                    rel(FlexiblePhaseMoments.meanUpdate(cl, b, p, q), uc),
                    rel(FlexiblePhaseMoments.meanUpdateWithTrace(cl.withTrace(4, TraceGate.ALWAYS), b, p, q), uc),
                    rel(FlexiblePhaseMoments.meanUpdateWithTrace(cl.withTrace(4, TraceGate.FREE_ONLY), b, p, q), uc),
                    rel(FlexiblePhaseMoments.meanUpdateWithTrace(cl.withTrace(4, TraceGate.FREE_ONLY_NUDGED_TERM), b,
                            p, q), uc),
                    rel(FlexiblePhaseMoments.meanUpdateWithTrace(cl.withTrace(1, TraceGate.FREE_ONLY_NUDGED_TERM), b,
                            p, q), uc));
        }
    }
}
