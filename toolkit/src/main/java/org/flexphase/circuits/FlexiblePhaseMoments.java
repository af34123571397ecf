package org.flexphase.circuits;

import org.ejml.data.DMatrixRMaj;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;

/**
 * The exact mean update of flexible-phase coupled learning at frozen conductances (docs/theory.md T16): phases switch
 * geometrically ({@code b}, {@code p}, as {@link org.flexphase.phases.GeometricPhaseProcess}), examples change by
 * {@link org.flexphase.learning.ExamplePresentation#redrawnWithProbability} ({@code q}), the potentials relax by one sweep per step. The modulating chain is
 * {@code s = (z, m)} with transition probability {@code P_z(z, z') P_m(m, m')}; each step's sweep is the affine map
 * of {@code s_t} ({@link Relaxation#affineMap}, held values from {@link CoupledLearning#writeHeld}, clamps from the
 * exact free solve), so {@link MarkovModulatedMoments} gives the stationary moments of the potentials and the mean
 * increment per step {@code h = (1/eta_c) sum_s w(z) E[phi 1{s_t = s}]}, {@code phi_e = -1/2 (Delta p_e)^2}.
 */
public final class FlexiblePhaseMoments {
    private FlexiblePhaseMoments() {
    }

    /** The exact stationary mean increment per step at the system's current conductances. */
    public static double[] meanUpdate(CoupledLearning system, double b, double p, double q) {
        ResistorNetwork net = system.network();
        int examples = system.task().size();
        int states = 2 * examples;
        double[][] transition = new double[states][states];
        DMatrixRMaj[] a = new DMatrixRMaj[states];
        double[][] c = new double[states][net.graph().nodeCount()];
        double[] clamp = new double[net.outputCount()];
        double[] held = new double[net.graph().nodeCount()];
        for (int s = 0; s < states; s++) {
            Phase z = phaseOf(s);
            int m = s / 2;
            if (z.isPositive()) {
                system.nudgedOutputs(m, clamp);
            }
            system.writeHeld(held, z, m, clamp);
            a[s] = system.relaxation().affineMap(system.held(z), held, c[s]);
            for (int t = 0; t < states; t++) {
                Phase z2 = phaseOf(t);
                double pz = (z == z2 ? 1 - p : 0) + p * (z2.isPositive() ? b : 1 - b);
                double pm = (m == t / 2 ? 1 - q : 0) + q / examples;
                transition[s][t] = pz * pm;
            }
        }
        MarkovModulatedMoments mom = MarkovModulatedMoments.solve(transition, a, c);
        Graph g = net.graph();
        double[] h = new double[g.edgeCount()];
        for (int s = 0; s < states; s++) {
            double w = (phaseOf(s).isPositive() ? 1 / b : -1 / (1 - b)) / system.nudge();
            for (int e = 0; e < h.length; e++) {
                int i = g.from(e);
                int j = g.to(e);
                double sq = mom.secondMoment(s, i, i) - 2 * mom.secondMoment(s, i, j) + mom.secondMoment(s, j, j);
                h[e] -= 0.5 * w * sq;
            }
        }
        return h;
    }

    /**
     * The exact stationary mean increment per step of coupled learning centred on the system's potential trace (time
     * constant {@code tau}, taken in as its gate says) ({@link CoupledLearning#withTrace}; docs/theory.md section 5.3, G3, G5).
     * The trace takes in {@code p_{t-1}} at the start of step t when step t-1's phase lets it, so the pair
     * {@code x = (p, r)} is a Markov-modulated linear recursion over {@code sigma_t = (z_{t-1}, z_t, m_t)}:
     * {@code r_t = (1 - g/tau) r_{t-1} + (g/tau) p_{t-1}}, {@code p_t = A_{z_t} p_{t-1} + c_{z_t, m_t}}, and the mean
     * increment is {@code (1/eta_c) sum_sigma w(z) (-1/2) E[((Delta p_e)^2 - (Delta r_e)^2) 1{sigma}]} (w = 0 in free
     * steps of the nudged-term rule). Exact; the second-moment system has {@code 4 M (2 n)^2} unknowns.
     */
    public static double[] meanUpdateWithTrace(CoupledLearning system, double b, double p, double q) {
        double tau = system.traceTau();
        TraceGate gate = system.traceGate();
        if (tau == 0) {
            throw new IllegalArgumentException("the system has no trace: use meanUpdate");
        }
        ResistorNetwork net = system.network();
        int examples = system.task().size();
        int n = net.graph().nodeCount();
        int states = 4 * examples;
        double[][] transition = new double[states][states];
        DMatrixRMaj[] a = new DMatrixRMaj[states];
        double[][] c = new double[states][2 * n];
        double[] clamp = new double[net.outputCount()];
        double[] held = new double[n];
        double[] cp = new double[n];
        for (int s = 0; s < states; s++) {
            boolean prevFree = s / (2 * examples) == 1;
            Phase z = phaseOf(s / examples);
            int m = s % examples;
            if (z.isPositive()) {
                system.nudgedOutputs(m, clamp);
            }
            system.writeHeld(held, z, m, clamp);
            DMatrixRMaj ap = system.relaxation().affineMap(system.held(z), held, cp);
            // the gate written out, independent of TraceGate's own methods (which production uses)
            double g = gate == TraceGate.ALWAYS || prevFree ? 1 / tau : 0;
            a[s] = new DMatrixRMaj(2 * n, 2 * n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    a[s].set(i, k, ap.get(i, k));
                }
                a[s].set(n + i, i, g);
                a[s].set(n + i, n + i, 1 - g);
                c[s][i] = cp[i];
            }
            for (int t = 0; t < states; t++) {
                if ((t / (2 * examples) == 1) != !z.isPositive()) {
                    continue;
                }
                Phase z2 = phaseOf(t / examples);
                double pz = (z == z2 ? 1 - p : 0) + p * (z2.isPositive() ? b : 1 - b);
                double pm = (m == t % examples ? 1 - q : 0) + q / examples;
                transition[s][t] = pz * pm;
            }
        }
        MarkovModulatedMoments mom = MarkovModulatedMoments.solve(transition, a, c);
        Graph g = net.graph();
        double[] h = new double[g.edgeCount()];
        for (int s = 0; s < states; s++) {
            boolean positive = phaseOf(s / examples).isPositive();
            if (gate == TraceGate.FREE_ONLY_NUDGED_TERM && !positive) {
                continue;
            }
            double w = (positive ? 1 / b : -1 / (1 - b)) / system.nudge();
            for (int e = 0; e < h.length; e++) {
                int i = g.from(e);
                int j = g.to(e);
                double sq = mom.secondMoment(s, i, i) - 2 * mom.secondMoment(s, i, j) + mom.secondMoment(s, j, j);
                double sr = mom.secondMoment(s, n + i, n + i) - 2 * mom.secondMoment(s, n + i, n + j)
                        + mom.secondMoment(s, n + j, n + j);
                h[e] -= 0.5 * w * (sq - sr);
            }
        }
        return h;
    }

    /** Even states are {@code +}, odd are {@code -}; example {@code s / 2}. */
    private static Phase phaseOf(int s) {
        return s % 2 == 0 ? Phase.POSITIVE : Phase.NEGATIVE;
    }
}
