package org.flexphase.circuits;

import org.ejml.data.DMatrixRMaj;
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

    /** Even states are {@code +}, odd are {@code -}; example {@code s / 2}. */
    private static Phase phaseOf(int s) {
        return s % 2 == 0 ? Phase.POSITIVE : Phase.NEGATIVE;
    }
}
