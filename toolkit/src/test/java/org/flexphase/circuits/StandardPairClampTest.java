package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Standard coupled learning clamps the outputs at the nudge of the free outputs it measured, not of the free
 * equilibrium: after a free phase too short to relax (one uniform sweep at rate 0.3 from zero potentials) the two
 * differ, and one pair of phases ({@link CouplingTrainer#sumIncrements} over 2 sweeps, phase length 1) must make the
 * rule on the free state and the state clamped at {@code y + eta (t - y)} of the measured free outputs {@code y}.
 * Fixed seeds: graph 5, roles 6, one example from seed 7.
 */
class StandardPairClampTest {
    @Test
    void theClampFollowsTheMeasuredFreeOutputsAfterAShortFreePhase() {
        ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(16, 4.0, 5), 2, 2, 1.0, 1e-3, 1e3,
                6);
        CouplingTask task = CouplingTask.teacher(net, 1, 4.0, 7);
        double nudge = 0.5;
        CoupledLearning sys = new CoupledLearning(net, task, nudge, 0.3);
        NetworkSettings s = NetworkSettings.DEFAULTS.withPhaseLength(1).withRelaxRate(0.3).withNudge(nudge);
        double[] increments = new double[net.graph().edgeCount()];
        new CouplingTrainer(s).sumIncrements(sys, 2, increments);

        // the same pair by hand: one free sweep from 0, the clamp from the measured outputs, one clamped sweep
        RandomGenerator unused = Rngs.create(1);
        CircuitState state = sys.newState();
        state.show(0);
        sys.step(state, Phase.NEGATIVE, unused);
        double[] free = state.potentials().clone();
        double[] clamp = new double[net.outputCount()];
        double[] atEquilibrium = new double[net.outputCount()];
        sys.nudgedOutputs(0, atEquilibrium);
        double apart = 0;
        for (int o = 0; o < clamp.length; o++) {
            double y = net.outputValue(o, free);
            clamp[o] = y + nudge * (task.target(0)[o] - y);
            apart = Math.max(apart, Math.abs(clamp[o] - atEquilibrium[o]));
        }
        assertTrue(apart > 1e-3, "the short free phase is far from its equilibrium: " + apart);
        state.holdClamp(0, clamp);
        sys.step(state, Phase.POSITIVE, unused);
        double[] expected = new double[increments.length];
        sys.addRule(free, state.potentials(), 1, expected);
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], increments[e], 1e-12 * Math.max(1, Math.abs(expected[e])), "edge " + e);
        }
    }
}
