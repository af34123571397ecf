package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.flexphase.circuits.EquilibriumSolver;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * T15 (Kirchhoff): the sparse-Cholesky equilibria of {@link EquilibriumSolver}, in both phases and again after the
 * conductances change (the locked-structure refactorisation path), conserve current at every free node to 1e-10
 * relative to the currents flowing there, and every admissible perturbation (zero at held nodes) raises the
 * dissipated power by exactly its own power {@code 1/2 sum_e k_e (Delta delta_e)^2 > 0} (the cross term vanishes at a
 * minimum), to 1e-9 relative.
 */
class KirchhoffProperties {

    @Test
    void equilibriaConserveCurrentAndMinimisePower() {
        AtomicReference<Double> worst = new AtomicReference<>(0.0);
        Proofs.qt(60).forAll(CircuitGenerators.circuits(6, 200, 1)).checkAssert(c -> {
            ResistorNetwork net = c.net();
            RandomGenerator rng = Rngs.create(c.description().hashCode());
            for (boolean clamped : new boolean[]{false, true}) {
                EquilibriumSolver solver = new EquilibriumSolver(net, net.heldNodes(clamped));
                for (int round = 0; round < 2; round++) {
                    if (round == 1) {
                        CircuitGenerators.redrawConductances(net, rng);
                    }
                    double[] p = new double[net.graph().nodeCount()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = solver.isHeld(i) ? 4 * rng.nextDouble() - 2 : Double.NaN;
                    }
                    p[net.ground()] = 0;
                    solver.solve(p);
                    worst.accumulateAndGet(checkEquilibrium(net, solver, p, rng, c + " clamped=" + clamped
                            + " round=" + round), Math::max);
                }
            }
        });
        System.out.printf(Locale.ROOT, "T15: worst relative current imbalance %.2e (bound 1e-10)%n", worst.get());
    }

    /** Checks conservation and the power of perturbations; returns the worst relative imbalance. */
    static double checkEquilibrium(ResistorNetwork net, EquilibriumSolver solver, double[] p, RandomGenerator rng,
                                   String where) {
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            assertTrue(Double.isFinite(p[i]), "potential of node " + i + " is " + p[i] + " at " + where);
            if (solver.isHeld(i)) {
                continue;
            }
            double scale = net.currentScale(i, p);
            double rel = scale == 0 ? Math.abs(net.netCurrent(i, p)) : Math.abs(net.netCurrent(i, p)) / scale;
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-10, "node " + i + " leaks current " + net.netCurrent(i, p) + " (scale " + scale
                    + ") at " + where);
        }
        double base = net.power(p);
        for (int trial = 0; trial < 3; trial++) {
            double[] delta = new double[p.length];
            double[] q = p.clone();
            boolean moved = false;
            for (int i = 0; i < p.length; i++) {
                if (!solver.isHeld(i)) {
                    delta[i] = trial == 0 ? 1e-3 * (2 * rng.nextDouble() - 1) : 2 * rng.nextDouble() - 1;
                    q[i] += delta[i];
                    moved |= delta[i] != 0;
                }
            }
            double own = net.power(delta);
            double rise = net.power(q) - base;
            assertTrue(!moved || own > 0, "a non-zero perturbation has no power at " + where);
            assertTrue(rise > 0 || !moved, "a perturbation lowered the power by " + (-rise) + " at " + where);
            assertEquals(own, rise, 1e-9 * (base + own) + 1e-15, "power rise is not the perturbation's own power at "
                    + where);
        }
        return worst;
    }
}
