package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The continuous-time relaxation keeps {@code gamma} and {@code dt} and refuses values for which a step's implicit
 * solve is undefined: either not finite and positive, or a product {@code gamma * dt} whose inverse (the solver's
 * diagonal shift) is 0 or infinite. The discrete kinds have neither.
 */
class OdeRelaxationRangeTest {
    private static final ResistorNetwork NET =
            ResistorNetwork.withRandomRoles(Graphs.randomGeometric(12, 4.0, 3), 2, 1, 1.0, 0.01, 100, 4);

    private static void refused(String name, double gamma, double dt) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Relaxation.continuous(NET, gamma, dt), gamma + ", " + dt);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void keepsGammaAndDtOnlyForTheContinuousKind() {
        Relaxation r = Relaxation.of(NET, Relaxation.Kind.ODE, 0.3, 2.5, 0.2);
        assertEquals(2.5, r.gamma());
        assertEquals(0.2, r.dt());
        Relaxation j = Relaxation.of(NET, Relaxation.Kind.JACOBI, 0.3, 2.5, 0.2);
        assertTrue(Double.isNaN(j.gamma()) && Double.isNaN(j.dt()));
        assertEquals(0.3, j.rate());
    }

    @Test
    void refusesGammaOrDtOutsideTheFinitePositives() {
        refused("gamma", 0, 0.1);
        refused("gamma", Double.POSITIVE_INFINITY, 0.1);
        refused("dt", 1, 0);
        refused("dt", 1, Double.POSITIVE_INFINITY);
        Relaxation.continuous(NET, Double.MIN_NORMAL, 1e300);
    }

    @Test
    void refusesAProductWhoseInverseIsZeroOrInfinite() {
        refused("gamma * dt", 1e200, 1e200);
        refused("gamma * dt", 1e-200, 1e-200);
        refused("gamma * dt", 1e-160, 1e-160);
        Relaxation.continuous(NET, 1e150, 1e150);
        Relaxation.continuous(NET, 1e-150, 1e-150);
    }
}
