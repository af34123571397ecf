package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The names settings and the command line use for modes and relaxations, the terminal count of each task kind, and
 * {@link Classification}'s min-max scaling of features that are all negative (the scale comes from the training data
 * only and also maps the test data).
 */
class CircuitKeysAndTerminalsTest {

    @Test
    void modesAndRelaxationsAreNamedInLowerCase() {
        assertEquals("standard", CouplingMode.STANDARD.key());
        assertEquals("twin", CouplingMode.TWIN.key());
        assertEquals("local", CouplingMode.LOCAL.key());
        assertEquals("uniform", Relaxation.Kind.UNIFORM.key());
        assertEquals("jacobi", Relaxation.Kind.JACOBI.key());
        assertEquals("ode", Relaxation.Kind.ODE.key());
    }

    @Test
    void eachTaskFixesItsTerminals() {
        assertEquals(12, TaskKind.IRIS.terminals(1, 1), "8 paired features, a bias, 3 classes");
        assertEquals(795, TaskKind.MNIST.terminals(1, 1), "784 pixels, a bias, 10 classes");
        assertEquals(7, TaskKind.REGRESSION.terminals(4, 3));
        assertEquals(7, TaskKind.TEACHER.terminals(4, 3));
    }

    @Test
    void negativeFeaturesAreScaledToTheUnitIntervalByTheTrainingRange() {
        double[][] train = {{-5, 2}, {-3, 4}, {-4, 3}};
        Classification c = new Classification(train, new int[]{0, 1, 0}, new double[][]{{-6, 3}}, new int[]{1}, 2,
                false);
        assertArrayEquals(new double[]{0, 0, 1}, c.train().input(0), 0);
        assertArrayEquals(new double[]{1, 1, 1}, c.train().input(1), 0);
        assertArrayEquals(new double[]{0.5, 0.5, 1}, c.train().input(2), 0);
        assertArrayEquals(new double[]{Classification.LOW, Classification.HIGH}, c.train().target(1), 0);
        assertEquals(3, c.inputNodes());
        Classification paired = new Classification(train, new int[]{0, 1, 0}, new double[][]{{-6, 3}}, new int[]{1},
                2, true);
        assertArrayEquals(new double[]{0.5, 0.5, -0.5, -0.5, 1}, paired.train().input(2), 0);
    }
}
