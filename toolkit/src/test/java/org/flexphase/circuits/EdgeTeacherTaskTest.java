package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link CouplingTask#teacher} on a student with edge terminals: the teacher's inputs are source drops and its targets
 * output drops. At spread 1 the teacher's conductances are all 1, and on the loop of
 * {@link EquilibriumSolverTiedStepTest} (source edge 0-1, output edge 2-3 on the loop 0-2-3-5-1 of four unit
 * conductances, the ground 4 hanging off node 5) the loop carries {@code x / 4} and the output drop is {@code x / 4}.
 */
class EdgeTeacherTaskTest {
    @Test
    void theTargetsAreTheTeachersOutputDrops() {
        CouplingTask task = CouplingTask.teacher(EquilibriumSolverTiedStepTest.loop(), 6, 1.0, 11);
        boolean negative = false;
        for (int m = 0; m < 6; m++) {
            double x = task.input(m)[0];
            negative |= x < 0;
            assertEquals(x / 4, task.target(m)[0], 1e-15, "example " + m);
        }
        assertTrue(negative, "the draws in [-1, 1] include a negative drop");
    }
}
