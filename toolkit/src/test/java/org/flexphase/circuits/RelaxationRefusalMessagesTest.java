package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * ode relaxation refuses a {@code gamma} or {@code dt} of 0 or infinity by its own name, before the product
 * {@code gamma * dt} is formed (whose check would refuse them too, but naming the product): the message is the
 * parameter's.
 */
class RelaxationRefusalMessagesTest {
    static final ResistorNetwork NET = new ResistorNetwork(Graph.of(4, new int[][]{{0, 1}, {1, 2}, {2, 3}}),
            new double[]{1, 1, 1}, 1e-3, 1e3, new int[]{0}, 3, new int[]{1});

    private static void refused(String message, double gamma, double dt) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Relaxation.continuous(NET, gamma, dt), gamma + ", " + dt);
        assertEquals(message, e.getMessage());
    }

    @Test
    void zeroOrInfiniteGammaOrDtIsRefusedByItsOwnName() {
        double inf = Double.POSITIVE_INFINITY;
        refused("gamma must be a finite value > 0: 0.0", 0, 0.1);
        refused("gamma must be a finite value > 0: Infinity", inf, 0.1);
        refused("dt must be a finite value > 0: 0.0", 1, 0);
        refused("dt must be a finite value > 0: Infinity", 1, inf);
        refused("gamma * dt must be a finite positive number whose inverse is finite: 1.0E-200 * 1.0E-200", 1e-200,
                1e-200);
    }
}
