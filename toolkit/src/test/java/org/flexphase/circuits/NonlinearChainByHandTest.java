package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Nonlinear coupled learning on a chain solved by hand: input 0 - hidden 1 - output 2 - ground 3, every edge of
 * conductance k. The same current crosses each edge and {@code F'} is odd and strictly increasing, so whatever the
 * element the three drops are equal in the free phase ({@code p = 2x/3, x/3}), and with the output held at {@code c}
 * the two drops between input and output are equal ({@code p_1 = (x + c)/2}). From these follow the cost, the clamp,
 * the rule, a relaxation step at rate r, the outputs' differential conductance and {@link NewtonSolver}'s bookkeeping.
 */
class NonlinearChainByHandTest {
    private static final double K = 0.8;
    private static final Element EL = Element.saturating(1.5);
    private static final double NUDGE = 0.25;

    private static ResistorNetwork chain() {
        return new ResistorNetwork(Graph.of(4, new int[][]{{0, 1}, {1, 2}, {2, 3}}), new double[]{K, K, K}, 0.1, 10,
                new int[]{0}, 3, new int[]{2});
    }

    // example 0: x = 1.2, t = 0.1; example 1: x = -0.6, t = 0.3
    private static final CouplingTask TASK = new CouplingTask(new double[][]{{1.2}, {-0.6}},
            new double[][]{{0.1}, {0.3}});

    private static NonlinearCoupledLearning sys(double rate) {
        return new NonlinearCoupledLearning(chain(), EL, TASK, NUDGE, rate);
    }

    @Test
    void equilibriaCostAndClampAreTheHandSolvedOnes() {
        NonlinearCoupledLearning s = sys(1);
        double[] p = new double[4];
        s.freeEquilibrium(0, p);
        assertArrayEquals(new double[]{1.2, 0.8, 0.4, 0}, p, 1e-12);
        double[] clamp = new double[1];
        s.nudgedOutputs(0, clamp);
        assertEquals(0.4 + NUDGE * (0.1 - 0.4), clamp[0], 1e-12);
        s.clampedEquilibrium(0, p);
        assertArrayEquals(new double[]{1.2, (1.2 + clamp[0]) / 2, clamp[0], 0}, p, 1e-12);
        s.clampedEquilibrium(1, new double[]{0.5}, p);
        assertArrayEquals(new double[]{-0.6, -0.05, 0.5, 0}, p, 1e-12);
        assertEquals(0.5 * 0.3 * 0.3, s.cost(0), 1e-12);
        assertEquals(0.5 * 0.5 * 0.5, s.cost(1), 1e-12);
        assertEquals((0.5 * 0.09 + 0.5 * 0.25) / 2, s.cost(), 1e-12);
    }

    @Test
    void theRuleIsTheCoContentDifferenceOverTheNudge() {
        NonlinearCoupledLearning s = sys(1);
        double c0 = 0.4 + NUDGE * (0.1 - 0.4);
        double c1 = -0.2 + NUDGE * (0.3 + 0.2);
        double[] byHand = new double[3];
        double[][] drops = {{0.4, 0.4, 0.4, (1.2 - c0) / 2, (1.2 - c0) / 2, c0},
                {-0.2, -0.2, -0.2, (-0.6 - c1) / 2, (-0.6 - c1) / 2, c1}};
        for (double[] d : drops) {
            for (int e = 0; e < 3; e++) {
                byHand[e] += 0.5 / NUDGE * (EL.coContent(d[e]) - EL.coContent(d[e + 3]));
            }
        }
        assertArrayEquals(byHand, s.twoPhaseUpdate(), 1e-12);
        double[] one = {1, 2, 3};
        s.addTwoPhaseUpdate(0, 2.0, one);
        for (int e = 0; e < 3; e++) {
            assertEquals(1 + e + 2.0 / NUDGE * (EL.coContent(drops[0][e]) - EL.coContent(drops[0][e + 3])), one[e],
                    1e-12, "edge " + e);
        }
        // the statistic is -F of each drop, added with its weight
        CircuitState st = s.newState();
        System.arraycopy(new double[]{1.2, 0.8, 0.4, 0}, 0, st.potentials(), 0, 4);
        double[] stat = {1, 1, 1};
        s.addStatistic(st, 3, stat);
        assertArrayEquals(new double[]{1 - 3 * EL.coContent(0.4), 1 - 3 * EL.coContent(0.4),
                1 - 3 * EL.coContent(0.4)}, stat, 1e-12);
    }

    @Test
    void aStepRelaxesAtItsRateTowardsThePhasesEquilibrium() {
        double r = 0.3;
        NonlinearCoupledLearning s = sys(r);
        assertEquals(r, s.relaxRate(), 0);
        CircuitState st = s.newState();
        assertThrows(IllegalStateException.class, () -> s.step(st, Phase.NEGATIVE, Rngs.create(1)));
        st.show(0);
        s.step(st, Phase.NEGATIVE, Rngs.create(1));
        assertArrayEquals(new double[]{1.2, r * 0.8, r * 0.4, 0}, st.potentials(), 1e-12);
        s.step(st, Phase.NEGATIVE, Rngs.create(1));
        double f = 1 - (1 - r) * (1 - r);
        assertArrayEquals(new double[]{1.2, f * 0.8, f * 0.4, 0}, st.potentials(), 1e-12);
        // the clamped phase holds the output at the nudge of the exact free outputs, read when the phase begins
        s.step(st, Phase.POSITIVE, Rngs.create(1));
        double c0 = 0.4 + NUDGE * (0.1 - 0.4);
        assertEquals(c0, st.potentials()[2], 1e-12);
        assertEquals(f * 0.8 + r * ((1.2 + c0) / 2 - f * 0.8), st.potentials()[1], 1e-12);
        // a new example in the clamped phase reads its own clamp
        st.show(1);
        s.step(st, Phase.POSITIVE, Rngs.create(1));
        assertEquals(-0.2 + NUDGE * 0.5, st.potentials()[2], 1e-12);
        assertEquals(-0.6, st.potentials()[0], 0);
        // the same example again after a free phase: the clamp is read anew (here the same value)
        s.step(st, Phase.NEGATIVE, Rngs.create(1));
        s.step(st, Phase.POSITIVE, Rngs.create(1));
        assertEquals(-0.2 + NUDGE * 0.5, st.potentials()[2], 1e-12);
        // rate 1 equilibrates in one step
        NonlinearCoupledLearning one = sys(1);
        CircuitState s1 = one.newState();
        s1.show(0);
        one.step(s1, Phase.NEGATIVE, Rngs.create(1));
        assertArrayEquals(new double[]{1.2, 0.8, 0.4, 0}, s1.potentials(), 1e-12);
    }

    @Test
    void theOutputsDifferentialConductanceIsTheLinearisedNetworks() {
        NonlinearCoupledLearning s = sys(1);
        // every drop is 0.4, so every weight is k F''(0.4): the output sees w to ground and w/2 through the hidden node
        double w = K * EL.curvature(0.4);
        assertEquals(1.5 * w, s.outputConductance(0)[0][0], 1e-12);
        double w1 = K * EL.curvature(-0.2);
        assertEquals(1.5 * w1, s.outputConductance(1)[0][0], 1e-12);
        assertTrue(w1 != w);
    }

    @Test
    void constructionChecksTheTaskNudgeAndRate() {
        NonlinearCoupledLearning s = sys(1);
        assertSame(EL, s.element());
        assertSame(TASK, s.task());
        assertEquals(NUDGE, s.nudge(), 0);
        assertEquals(1, s.relaxRate(), 0);
        assertSame(s.network().conductances(), s.parameters());
        CouplingTask two = new CouplingTask(new double[][]{{1, 2}}, new double[][]{{0}});
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> new NonlinearCoupledLearning(chain(), EL, two, NUDGE, 1));
        assertEquals("the task has 2 inputs and 1 targets per example; the network has 1 input and 1 output nodes",
                x.getMessage());
        CouplingTask wide = new CouplingTask(new double[][]{{1}}, new double[][]{{0, 1}});
        assertThrows(IllegalArgumentException.class, () -> new NonlinearCoupledLearning(chain(), EL, wide, NUDGE, 1));
        assertThrows(NullPointerException.class, () -> new NonlinearCoupledLearning(chain(), null, TASK, NUDGE, 1));
        for (double bad : new double[]{0, 1.01, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new NonlinearCoupledLearning(chain(), EL, TASK, bad, 1),
                    "nudge " + bad);
            assertThrows(IllegalArgumentException.class, () -> new NonlinearCoupledLearning(chain(), EL, TASK, 0.5, bad),
                    "rate " + bad);
        }
        // conductances pushed out of the box come back into it
        s.parameters()[0] = 20;
        s.parameters()[1] = 0.01;
        s.parametersChanged();
        assertArrayEquals(new double[]{10, 0.1, K}, s.parameters(), 0);
    }

    @Test
    void newtonKeepsItsBookkeeping() {
        ResistorNetwork net = chain();
        NewtonSolver lin = NewtonSolver.free(net, Element.LINEAR);
        assertSame(Element.LINEAR, lin.element());
        assertTrue(lin.isHeld(0) && !lin.isHeld(1) && !lin.isHeld(2) && lin.isHeld(3));
        assertTrue(NewtonSolver.clamped(net, EL).isHeld(2));
        double[] p = {1.2, Double.NaN, Double.POSITIVE_INFINITY, 0};
        lin.solve(p);
        assertArrayEquals(new double[]{1.2, 0.8, 0.4, 0}, p, 1e-12);
        assertEquals(1, lin.factorisations());
        // the linear Hessian's weights never change: one factorisation for every later solve
        double[] q = {-3, 5, 7, 0};
        lin.solve(q);
        assertArrayEquals(new double[]{-3, -2, -1, 0}, q, 1e-12);
        assertEquals(1, lin.factorisations());
        assertTrue(lin.lastIterations() >= 1 && lin.lastIterations() <= 2, "" + lin.lastIterations());
        // from the solution itself: the first Newton step is within tolerance, taken and the solve stops
        lin.solve(q);
        assertEquals(1, lin.lastIterations());
        assertEquals(0.5 * (1 + 1 + 1) * K, lin.coContent(new double[]{3, 2, 1, 0}), 1e-15);

        NewtonSolver bent = NewtonSolver.free(net, EL);
        double[] b = {1.2, 0, 0, 0};
        bent.solve(b);
        assertArrayEquals(new double[]{1.2, 0.8, 0.4, 0}, b, 1e-12);
        assertTrue(bent.factorisations() >= 2, "the weights change between Newton steps: " + bent.factorisations());
        // a diverged run's conductances give NaN at every free node and no Newton step
        net.conductances()[1] = Double.NaN;
        double[] d = {1.2, 0.8, 0.4, 0};
        bent.solve(d);
        assertEquals(1.2, d[0], 0);
        assertTrue(Double.isNaN(d[1]) && Double.isNaN(d[2]));
        assertEquals(0, d[3], 0);
        assertEquals(0, bent.lastIterations());
        assertFalse(Element.saturating(1e-300).isLinear());
        assertTrue(Element.LINEAR.isLinear());
        // the curvature bounds min(1, 1 + c) and max(1, 1 + c)
        assertEquals(0.5, Element.saturating(-0.5).minCurvature(), 0);
        assertEquals(1, Element.saturating(-0.5).maxCurvature(), 0);
        assertEquals(1, Element.saturating(2).minCurvature(), 0);
        assertEquals(3, Element.saturating(2).maxCurvature(), 0);
    }
}
