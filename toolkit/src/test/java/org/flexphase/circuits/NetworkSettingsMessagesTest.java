package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.util.InvalidSetting;
import org.flexphase.util.MemoryBudget;
import org.junit.jupiter.api.Test;

/**
 * What {@link NetworkSettings#validate()} tells the user when it refuses a value: the allowed range with the bound
 * computed from the other settings, the setting to blame when both box bounds were moved, and a memory refusal that
 * names the setting whose allocation does not fit ({@link NetworkMemory}).
 */
class NetworkSettingsMessagesTest {
    private static final NetworkSettings D = NetworkSettings.DEFAULTS;

    private static InvalidSetting refused(String key, NetworkSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate, key);
        assertEquals(key, e.key(), e.getMessage());
        return e;
    }

    private static void says(InvalidSetting e, String part) {
        assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }

    @Test
    void boundsThatDependOnTheNodeCountAreStatedWithTheirValue() {
        says(refused("degree", D.withNodes(8).withDegree(7.5)), "nodes - 1 = 7");
        says(refused("inputs", D.withInputs(62).withOutputs(1)), "1 <= integer <= nodes - 3 = 61");
        says(refused("outputs", D.withOutputs(62).withInputs(1)), "1 <= integer <= nodes - 3 = 61");
        // 31 inputs and 32 outputs need a ground and a hidden node besides: 65 nodes
        says(refused("nodes", D.withInputs(31).withOutputs(32)), "integer >= 65");
    }

    @Test
    void irisAndMnistFixTheirOwnTerminalsWhateverInputsAndOutputsSay() {
        // Iris: 8 paired features, a bias and 3 classes = 12 terminals, plus a ground and a hidden node
        says(refused("nodes", D.withTask(TaskKind.IRIS).withNodes(13)), "integer >= 14");
        assertDoesNotThrow(D.withTask(TaskKind.IRIS).withNodes(14)::validate);
        says(refused("nodes", D.withTask(TaskKind.MNIST).withNodes(796)), "integer >= 797");
        assertDoesNotThrow(D.withTask(TaskKind.MNIST).withNodes(797)::validate);
    }

    @Test
    void aZeroUpperBoundIsBlamedOnItselfEvenWhenTheLowerBoundMovedToo() {
        says(refused("k_max", D.withKMin(0.5).withKMax(0)), "finite value > 0");
        refused("k_max", D.withKMax(0));
    }

    @Test
    void theHoldLimitIsStatedAsTheMeanExampleLength() {
        NetworkSettings local = NetworkSettings.LOCAL_DEFAULTS.withPresentProb(0.2);
        assertDoesNotThrow(local.withTraceHold(4)::validate);
        says(refused("trace_hold", local.withTraceHold(5)), "0 <= value < 5.0 (1 / present_prob");
    }

    @Test
    void validateRefusesANetworkThatCannotFitInTheHeap() {
        // every other range allows a billion nodes; only the memory check refuses them
        InvalidSetting e = refused("nodes", D.withNodes(1_000_000_000));
        says(e, "-Xmx");
    }

    @Test
    void theRandomMapIsChargedToTheInputsWhenItDoesNotFit() {
        NetworkSettings wide = D.withNodes(2_000).withInputs(900).withOutputs(900).withExamples(1);
        long need = NetworkMemory.bytes(2_000, 4.0, TaskKind.REGRESSION, 900, 900, 1);
        assertDoesNotThrow(() -> NetworkMemory.require(wide, need));
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> NetworkMemory.require(wide, need - 1));
        assertEquals("inputs", e.key(), e.getMessage());
        // the same sizes for a task without a random map need only the network
        assertDoesNotThrow(() -> NetworkMemory.require(wide.withTask(TaskKind.IRIS),
                NetworkMemory.bytes(2_000, 4.0, TaskKind.IRIS, 900, 900, 1)));
    }

    @Test
    void aTeacherTaskChargesItsRowsToTheExamples() {
        NetworkSettings teacher = D.withTask(TaskKind.TEACHER);
        long need = NetworkMemory.bytes(64, 4.0, TaskKind.TEACHER, 3, 2, 5);
        assertDoesNotThrow(() -> NetworkMemory.require(teacher, need));
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> NetworkMemory.require(teacher, need - 1));
        assertEquals("examples", e.key(), e.getMessage());
    }

    @Test
    void irisChargesItsHundredAndFiftyRows() {
        long network = 8 * NetworkMemory.bytesPerNode(4.0) + 8 * MemoryBudget.doubles(8);
        assertEquals(network + 150 * (16 + 16 * 8), NetworkMemory.bytes(8, 4.0, TaskKind.IRIS, 1, 1, 1));
    }
}
