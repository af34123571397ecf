package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.runs.NetworkRun;
import org.junit.jupiter.api.Test;

/**
 * The teacher task with nonlinear elements ({@code network --task teacher --element-c C}): the targets are the free
 * outputs of a teacher with the same element, so at the teacher's conductances the student's cost is 0 to rounding,
 * while a teacher solved linearly leaves a nonlinear student a positive floor. Fixed seeds 1-3 of the default 64-node
 * network, elements c = 2 and c = -0.5.
 */
class NonlinearTeacherTaskTest {
    private static NetworkSettings settings(double c, long seed) {
        return NetworkSettings.DEFAULTS.withTask(TaskKind.TEACHER).withElementC(c).withSeed(seed);
    }

    @Test
    void atTheTeachersConductancesTheCostIsZeroToRounding() {
        for (double c : new double[] {2, -0.5}) {
            for (long seed = 1; seed <= 3; seed++) {
                NetworkSettings s = settings(c, seed);
                s.validate();
                CoupledLearning student = NetworkRun.system(s).system();
                CouplingTask task = student.task();
                ResistorNetwork teacher = CouplingTask.teacherNetwork(student.network(), task.size(),
                        NetworkRun.TEACHER_SPREAD, s.seed() + 2);
                NonlinearCoupledLearning atTeacher = new NonlinearCoupledLearning(teacher, s.elementValue(), task,
                        s.nudge(), 1);
                NonlinearCoupledLearning atStart = new NonlinearCoupledLearning(student.network(), s.elementValue(),
                        task, s.nudge(), 1);
                String at = "c " + c + ", seed " + seed;
                assertTrue(atTeacher.cost() <= 1e-28, at + ": cost at the teacher " + atTeacher.cost());
                assertTrue(atStart.cost() > 1e-10, at + ": cost at the start " + atStart.cost());
                // The floor is the element's: the resistor teacher's targets are out of a nonlinear student's reach
                // at the teacher's conductances, and its inputs are the same draws.
                CouplingTask linear = CouplingTask.teacher(student.network(), task.size(), NetworkRun.TEACHER_SPREAD,
                        s.seed() + 2);
                assertArrayEquals(linear.inputs(), task.inputs(), at);
                NonlinearCoupledLearning onLinear = new NonlinearCoupledLearning(teacher, s.elementValue(), linear,
                        s.nudge(), 1);
                assertTrue(onLinear.cost() > 1e-10, at + ": nonlinear student on a linear teacher " + onLinear.cost());
            }
        }
    }

    @Test
    void theLinearElementKeepsTheResistorTeacherBitForBit() {
        NetworkSettings s = NetworkSettings.DEFAULTS.withTask(TaskKind.TEACHER).withSeed(2);
        CoupledLearning student = NetworkRun.system(s).system();
        CouplingTask viaElement = CouplingTask.teacher(student.network(), Element.LINEAR, s.examples(),
                NetworkRun.TEACHER_SPREAD, s.seed() + 2);
        assertArrayEquals(student.task().targets(), viaElement.targets());
        // The resistor teacher's targets from its own equilibrium: cost 0 for the linear student at its conductances.
        ResistorNetwork teacher = CouplingTask.teacherNetwork(student.network(), s.examples(),
                NetworkRun.TEACHER_SPREAD, s.seed() + 2);
        CoupledLearning atTeacher = new CoupledLearning(teacher, student.task(), s.nudge(), 1);
        assertTrue(atTeacher.cost() <= 1e-28, "linear cost at the teacher " + atTeacher.cost());
    }

    @Test
    void aTeacherElementOtherThanTheStudentsIsTheTeachers() {
        NetworkSettings s = NetworkSettings.DEFAULTS.withTask(TaskKind.TEACHER).withTeacherElementC(2.0).withSeed(1);
        s.validate();
        assertEquals(Element.LINEAR, s.elementValue());
        CoupledLearning student = NetworkRun.system(s).system();
        ResistorNetwork teacher = CouplingTask.teacherNetwork(student.network(), s.examples(),
                NetworkRun.TEACHER_SPREAD, s.seed() + 2);
        assertTrue(new NonlinearCoupledLearning(teacher, Element.saturating(2), student.task(), s.nudge(), 1).cost()
                <= 1e-28);
        assertTrue(new CoupledLearning(teacher, student.task(), s.nudge(), 1).cost() > 1e-6);
    }

    @Test
    void aNonlinearTeacherRefusesEdgeTerminals() {
        Graph g = Graphs.randomGeometric(32, 4, 1);
        ResistorNetwork edges = ResistorNetwork.withRandomEdgeRoles(g, 2, 1, 1, 1e-3, 1e3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CouplingTask.teacher(edges, Element.saturating(2), 3, 10, 4));
        assertTrue(e.getMessage().contains("edge terminals"), e.getMessage());
    }
}
