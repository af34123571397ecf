package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * What {@link CouplingTask}'s constructors promise: rows that line up and are finite; a random linear task whose map,
 * recovered from its examples, has non-negative entries below {@code 1 / nIn}; a teacher task whose inputs lie in
 * [-1, 1], whose spread is refused outside [1, infinity), and whose teacher differs from the uniform network.
 */
class CouplingTaskDrawsTest {

    @Test
    void raggedOrNonFiniteRowsAreRefusedNamingTheExample() {
        double[][] t = {{0}, {0}, {0}};
        for (double[][] x : new double[][][]{{{1, 2}, {1, 2}, {1}}, {{1, 2}, {1, 2}, {1, Double.NaN}}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CouplingTask(x, t));
            assertEquals("example 2 has a ragged or non-finite row", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new CouplingTask(new double[][]{{1}, {2}}, new double[][]{{0}, {0, 1}}));
    }

    @Test
    void aRandomLinearTaskIsALinearMapWithSmallNonNegativeWeights() {
        int nIn = 3;
        int nOut = 2;
        // as many examples as inputs: the map is the unique solution of X M^T = T
        CouplingTask task = CouplingTask.randomLinear(nIn, nOut, nIn, 21);
        DMatrixRMaj x = new DMatrixRMaj(task.inputs());
        DMatrixRMaj t = new DMatrixRMaj(task.targets());
        for (double v : x.data) {
            assertTrue(v >= -1 && v <= 1, "input " + v);
        }
        DMatrixRMaj mt = new DMatrixRMaj(nIn, nOut);
        assertTrue(CommonOps_DDRM.solve(x, t, mt));
        for (int o = 0; o < nOut; o++) {
            double sum = 0;
            for (int s = 0; s < nIn; s++) {
                double m = mt.get(s, o);
                assertTrue(m > -1e-12 && m < 1.0 / nIn + 1e-12, "M[" + o + "][" + s + "] = " + m);
                sum += m;
            }
            assertTrue(sum > 0.05, "output " + o + " has weights summing to " + sum);
        }
    }

    private static ResistorNetwork student(double kMin, double kMax) {
        Graph g = Graphs.randomGeometric(16, 5.0, 3);
        return ResistorNetwork.withReachableRoles(g, 2, 2, 1.0, kMin, kMax, 4).network();
    }

    private static double[][] uniformOutputs(ResistorNetwork student, CouplingTask task) {
        double[] k = new double[student.graph().edgeCount()];
        java.util.Arrays.fill(k, Math.min(student.kMax(), Math.max(student.kMin(), 1.0)));
        ResistorNetwork uniform = student.withConductances(k);
        EquilibriumSolver solver = EquilibriumSolver.free(uniform);
        double[][] out = new double[task.size()][student.outputCount()];
        double[] p = new double[student.graph().nodeCount()];
        for (int m = 0; m < task.size(); m++) {
            for (int s = 0; s < student.inputCount(); s++) {
                p[uniform.input(s)] = task.input(m)[s];
            }
            p[uniform.ground()] = 0;
            solver.solve(p);
            for (int o = 0; o < out[m].length; o++) {
                out[m][o] = p[uniform.output(o)];
            }
        }
        return out;
    }

    @Test
    void theSpreadIsRefusedOutsideOneToInfinity() {
        ResistorNetwork student = student(0.01, 100);
        for (double bad : new double[]{0.999, Double.POSITIVE_INFINITY, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CouplingTask.teacher(student, 3, bad, 1), "spread " + bad);
            assertEquals("spread must be a finite value >= 1: " + bad, e.getMessage());
        }
        // spread 1: every conductance of the teacher is 1, so its outputs are the uniform network's
        CouplingTask task = CouplingTask.teacher(student, 5, 1, 2);
        double[][] uniform = uniformOutputs(student, task);
        boolean negative = false;
        for (int m = 0; m < task.size(); m++) {
            for (double v : task.input(m)) {
                assertTrue(v >= -1 && v <= 1, "input " + v);
                negative |= v < 0;
            }
            for (int o = 0; o < uniform[m].length; o++) {
                assertEquals(uniform[m][o], task.target(m)[o], 1e-12);
            }
        }
        assertTrue(negative, "inputs are drawn in [-1, 1], not [0, 1]");
    }

    @Test
    void aTeacherWithSpreadDrawsConductancesInsideTheStudentsBox() {
        // box [1/2, 2] and spread 4: draws below 1/2 must be clipped to the box (withConductances refuses others)
        ResistorNetwork student = student(0.5, 2);
        CouplingTask task = assertDoesNotThrow(() -> CouplingTask.teacher(student, 6, 4, 8));
        // and they are not all at one value: the teacher is not the uniform network
        double[][] uniform = uniformOutputs(student, task);
        double far = 0;
        for (int m = 0; m < task.size(); m++) {
            for (int o = 0; o < uniform[m].length; o++) {
                far = Math.max(far, Math.abs(uniform[m][o] - task.target(m)[o]));
            }
        }
        assertTrue(far > 1e-3, "the teacher's outputs equal the uniform network's: " + far);
        CouplingTask narrow = CouplingTask.teacher(student(0.5, 2), 6, 2, 8);
        double[][] u2 = uniformOutputs(student(0.5, 2), narrow);
        double far2 = 0;
        for (int m = 0; m < narrow.size(); m++) {
            for (int o = 0; o < u2[m].length; o++) {
                far2 = Math.max(far2, Math.abs(u2[m][o] - narrow.target(m)[o]));
            }
        }
        assertTrue(far2 > 1e-3, "spread 2 inside a box [1/2, 2]: the teacher is uniform: " + far2);
    }
}
