package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * {@code element_c} and {@code teacher_element_c} in {@link NetworkSettings#validate()} without the command line
 * (whose tests PIT leaves out): each range at its edges (-1 refused, the next double up allowed, 1000 allowed, the next
 * double up refused), and each combination a nonlinear run cannot honour refused on its own, under the key typed; the
 * element accessors and the constructor's normalisation of the two keys.
 */
class NetworkSettingsElementChecksTest {
    private static final NetworkSettings D = NetworkSettings.DEFAULTS;
    private static final NetworkSettings TEACHER = D.withTask(TaskKind.TEACHER);

    private static InvalidSetting refused(String key, Object value, NetworkSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate, key + " " + value);
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(value, e.value(), e.getMessage());
        return e;
    }

    @Test
    void elementCIsAFiniteValueAboveMinusOneAndAtMostAThousand() {
        double justAbove = Math.nextUp(-1.0);
        assertDoesNotThrow(D.withElementC(justAbove)::validate);
        assertDoesNotThrow(D.withElementC(NetworkSettings.MAX_ELEMENT_C)::validate);
        assertDoesNotThrow(TEACHER.withElementC(2)::validate);
        InvalidSetting e = refused("element_c", -1.0, D.withElementC(-1));
        assertTrue(e.allowed().startsWith("finite value with -1 < c <= 1000.0"), e.getMessage());
        refused("element_c", Math.nextUp(1e3), D.withElementC(Math.nextUp(1e3)));
        refused("element_c", Double.NaN, D.withElementC(Double.NaN));
        refused("element_c", Double.POSITIVE_INFINITY, D.withElementC(Double.POSITIVE_INFINITY));
    }

    @Test
    void teacherElementCHasTheSameRangeAndActsOnTaskTeacherWithNodeTerminalsOnly() {
        assertDoesNotThrow(TEACHER.withTeacherElementC(Math.nextUp(-1.0))::validate);
        assertDoesNotThrow(TEACHER.withTeacherElementC(NetworkSettings.MAX_ELEMENT_C)::validate);
        refused("teacher_element_c", -1.0, TEACHER.withTeacherElementC(-1.0));
        refused("teacher_element_c", Math.nextUp(1e3), TEACHER.withTeacherElementC(Math.nextUp(1e3)));
        refused("teacher_element_c", Double.NaN, TEACHER.withTeacherElementC(Double.NaN));
        InvalidSetting e = refused("teacher_element_c", 0.5, D.withTeacherElementC(0.5));
        assertEquals("unset unless task is teacher", e.allowed());
        e = refused("teacher_element_c", 0.5, TEACHER.withTerminals(Terminals.EDGE).withTeacherElementC(0.5));
        assertTrue(e.allowed().startsWith("unset with terminals edge"), e.getMessage());
        // a linear student may learn from a nonlinear teacher with edge terminals refused only for the teacher
        assertDoesNotThrow(TEACHER.withTerminals(Terminals.EDGE)::validate);
        // the teacher's key is checked before the student's: both out of range blames the teacher's
        refused("teacher_element_c", -2.0, TEACHER.withElementC(-3).withTeacherElementC(-2.0));
    }

    @Test
    void aNonlinearNetworkRefusesWhatItsTrainerCannotDoEachOnItsOwn() {
        assertDoesNotThrow(D.withElementC(0.5)::validate);
        assertDoesNotThrow(D.withMode(CouplingMode.TWIN).withElementC(0.5)::validate);
        assertDoesNotThrow(D.withMode(CouplingMode.LOCAL).withElementC(0.5)::validate);
        String[] allowed = {
            refused("element_c", 0.5, D.withRelax(Relaxation.Kind.ODE).withElementC(0.5)).allowed(),
            refused("element_c", 0.5, D.withRelax(Relaxation.Kind.JACOBI).withElementC(0.5)).allowed(),
            refused("element_c", 0.5, D.withMode(CouplingMode.LOCAL).withTraceTau(4.0).withElementC(0.5)).allowed(),
            refused("element_c", 0.5, D.withBatch(BatchMode.FULL).withElementC(0.5)).allowed(),
            refused("element_c", 0.5, D.withPowerWeight(0.25).withElementC(0.5)).allowed(),
            refused("element_c", 0.5, D.withTerminals(Terminals.EDGE).withElementC(0.5)).allowed(),
            refused("element_c", 0.5, D.withTask(TaskKind.IRIS).withElementC(0.5)).allowed(),
        };
        String[] says = {"unless relax is uniform", "unless relax is uniform", "with trace_tau set", "with batch full",
            "with power_weight set", "with terminals edge", "unless task is regression or teacher"};
        for (int i = 0; i < says.length; i++) {
            assertTrue(allowed[i].startsWith("0 (linear) " + says[i]), allowed[i]);
            assertTrue(allowed[i].endsWith("power term or classification)"), allowed[i]);
        }
        // the same settings without element_c are fine: each refusal above is element_c's
        assertDoesNotThrow(D.withRelax(Relaxation.Kind.ODE)::validate);
        assertDoesNotThrow(D.withMode(CouplingMode.LOCAL).withTraceTau(4.0)::validate);
        assertDoesNotThrow(D.withBatch(BatchMode.FULL)::validate);
        assertDoesNotThrow(D.withPowerWeight(0.25)::validate);
        assertDoesNotThrow(D.withTerminals(Terminals.EDGE)::validate);
    }

    @Test
    void theElementsInForceAndTheKeysNormalisedAway() {
        assertEquals(Element.LINEAR, D.elementValue());
        assertEquals(Element.LINEAR, D.teacherElementValue());
        assertFalse(D.nonlinear());
        NetworkSettings s = TEACHER.withElementC(2);
        assertTrue(s.nonlinear());
        assertEquals(Element.saturating(2), s.elementValue());
        assertEquals(Element.saturating(2), s.teacherElementValue()); // unset: the student's element
        assertEquals(Element.saturating(-0.5), s.withTeacherElementC(-0.5).teacherElementValue());
        assertEquals(Element.saturating(2), s.withTeacherElementC(-0.5).elementValue());
        assertEquals(Element.saturating(0.5), TEACHER.withTeacherElementC(0.5).teacherElementValue());
        assertEquals(Element.LINEAR, TEACHER.withTeacherElementC(0.5).elementValue());
        // 0 is the linear element: the key is dropped, and so is a teacher's c equal to the student's
        assertNull(D.withElementC(0).elementC());
        assertFalse(D.withElementC(0).nonlinear());
        assertNull(s.withTeacherElementC(2.0).teacherElementC());
        assertNull(TEACHER.withTeacherElementC(0.0).teacherElementC());
        assertEquals(0.0, s.withTeacherElementC(0.0).teacherElementC());
        assertEquals(Element.LINEAR, s.withTeacherElementC(0.0).teacherElementValue());
    }
}
