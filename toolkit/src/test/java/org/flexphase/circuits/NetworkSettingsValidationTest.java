package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.learning.TraceGate;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * Every range {@link NetworkSettings#validate()} enforces, at its edge: the last value allowed passes and the first
 * beyond it is refused under its own key (these were checked only through the command line before).
 */
class NetworkSettingsValidationTest {
    private static final NetworkSettings D = NetworkSettings.DEFAULTS;

    private static void refused(String key, NetworkSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate, key);
        assertEquals(key, e.key(), e.getMessage());
    }

    private static void accepted(NetworkSettings s) {
        assertDoesNotThrow(s::validate);
    }

    @Test
    void sizesAreRefusedJustPastTheirBounds() {
        accepted(D.withNodes(8).withDegree(7));
        refused("nodes", D.withNodes(7).withDegree(6));
        refused("degree", D.withNodes(8).withDegree(7.5));
        accepted(D.withDegree(2));
        refused("degree", D.withDegree(1.99));
        accepted(D.withDegree(20));
        refused("degree", D.withDegree(20.01));
        // inputs and outputs may each take nodes - 3 when the other is 1
        accepted(D.withInputs(61).withOutputs(1));
        refused("inputs", D.withInputs(62).withOutputs(1));
        refused("inputs", D.withInputs(0));
        accepted(D.withOutputs(61).withInputs(1));
        refused("outputs", D.withOutputs(62).withInputs(1));
        refused("outputs", D.withOutputs(0));
        // both at nodes - 3 leave no room for the ground and a hidden node
        refused("nodes", D.withInputs(31).withOutputs(32));
        accepted(D.withInputs(31).withOutputs(31));
        for (String key : new String[]{"examples", "train_size", "test_size"}) {
            NetworkSettings one = switch (key) {
                case "examples" -> D.withExamples(1);
                case "train_size" -> D.withTrainSize(1);
                default -> D.withTestSize(1);
            };
            accepted(one);
            refused(key, switch (key) {
                case "examples" -> D.withExamples(0);
                case "train_size" -> D.withTrainSize(0);
                default -> D.withTestSize(0);
            });
        }
    }

    @Test
    void ratesAndProbabilitiesKeepToTheirIntervals() {
        accepted(D.withRelaxRate(1).withSwitchProb(1).withPresentProb(1).withNudge(1));
        refused("relax_rate", D.withRelaxRate(0));
        refused("relax_rate", D.withRelaxRate(1.000001));
        refused("switch_prob", D.withSwitchProb(0));
        refused("present_prob", D.withPresentProb(1.000001));
        refused("nudge", D.withNudge(0));
        refused("b", D.withB(1));
        refused("b", D.withB(0));
        refused("lr", D.withLr(0));
        refused("k_min", D.withKMin(0));
        refused("k_max", D.withKMax(Double.POSITIVE_INFINITY));
        refused("gamma", D.withGamma(0));
        refused("dt", D.withDt(-0.1));
        accepted(D.withUnstableFactor(1.0001));
        refused("unstable_factor", D.withUnstableFactor(1));
        refused("unstable_factor", D.withUnstableFactor(Double.POSITIVE_INFINITY));
    }

    @Test
    void aStepTooShortForTheRelaxationOrACrossedConductanceRangeIsRefused() {
        // gamma * dt underflows to 0, or its inverse overflows: the relaxation's time step is meaningless
        refused("dt", D.withGamma(1e-200).withDt(1e-200));
        refused("dt", D.withGamma(1e-160).withDt(1e-160));
        accepted(D.withGamma(1e-100).withDt(1e-100));
        accepted(D.withKMin(5).withKMax(5));
        // the bound moved from its default is the one blamed
        refused("k_min", D.withKMin(2000));
        refused("k_max", D.withKMax(1e-4));
    }

    @Test
    void aStandardRunNeedsOneWholeUpdateAndAtLeastOneStep() {
        accepted(D.withSteps(20).withPhaseLength(10).withEvalEvery(1));
        InvalidSetting e = assertThrows(InvalidSetting.class, D.withSteps(20).withPhaseLength(11)::validate);
        assertEquals("phase_length", e.key());
        assertTrue(e.getMessage().contains("steps / 2 = 10"), e.getMessage());
        // other modes have no phase-length condition
        accepted(D.withMode(CouplingMode.LOCAL).withSteps(20).withPhaseLength(11));
        refused("phase_length", D.withPhaseLength(0));
        refused("steps", D.withSteps(0));
        refused("eval_every", D.withEvalEvery(0));
    }

    @Test
    void theTraceItsGateAndItsHoldBelongToLocalMode() {
        NetworkSettings local = NetworkSettings.LOCAL_DEFAULTS;
        assertEquals(local, NetworkSettings.defaults(CouplingMode.LOCAL));
        assertEquals(CouplingMode.TWIN, NetworkSettings.defaults(CouplingMode.TWIN).mode());
        assertEquals(D.withMode(CouplingMode.TWIN), NetworkSettings.defaults(CouplingMode.TWIN));
        accepted(local.withTraceTau(1.0));
        refused("trace_tau", local.withTraceTau(0.5));
        refused("trace_tau", local.withTraceTau(Double.POSITIVE_INFINITY));
        refused("trace_tau", D.withTraceTau(4.0));
        refused("trace_gate", D.withTraceGate(TraceGate.FREE_ONLY));
        refused("trace_gate", local.withTraceTau(0.0));
        // an example lasts 1 / present_prob = 25 steps on average: the hold must be shorter
        accepted(local.withTraceHold(24));
        refused("trace_hold", local.withTraceHold(25));
        refused("trace_hold", local.withTraceHold(-1));
        refused("trace_hold", D.withMode(CouplingMode.LOCAL).withTraceHold(2));
        assertEquals(24, local.withTraceHold(24).hold());
        assertEquals(TraceGate.FREE_ONLY, local.gate());
    }

    @Test
    void edgeTerminalsAndUpdateOnErrorKeepToWhereTheyApply() {
        NetworkSettings edge = D.withTerminals(Terminals.EDGE);
        accepted(edge);
        accepted(edge.withRelax(Relaxation.Kind.ODE));
        refused("terminals", edge.withRelax(Relaxation.Kind.JACOBI));
        // two nodes per terminal edge: 3 inputs and 2 outputs need 10 nodes, a ground and a hidden node
        accepted(edge.withNodes(12).withDegree(4));
        refused("nodes", edge.withNodes(11).withDegree(4));
        accepted(D.withNodes(8).withDegree(4));
        NetworkSettings m3 = D.withTask(TaskKind.MNIST3).withNodes(300).withDegree(11.5).withTerminals(Terminals.EDGE);
        accepted(m3.withUpdateOnError(true));
        refused("nodes", m3.withNodes(207));
        accepted(m3.withNodes(208));
        refused("update_on_error", D.withUpdateOnError(true));
        refused("update_on_error", m3.withUpdateOnError(true).withMode(CouplingMode.TWIN));
        accepted(D.withTask(TaskKind.IRIS).withNodes(20).withUpdateOnError(true));
        assertNull(D.withTerminals(Terminals.NODE).terminals(), "node terminals are stored as unset");
        assertNull(D.withUpdateOnError(false).updateOnError(), "update-on-error off is stored as unset");
        assertEquals(Terminals.NODE, D.terminalsValue());
    }

    @Test
    void edgeTerminalsAndUpdateOnErrorRefuseWhatTheyCannotJoin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        NetworkSettings m3 = D.withTask(TaskKind.MNIST3).withNodes(300).withDegree(11.5).withUpdateOnError(true);
        refused("update_on_error", m3.withBatch(BatchMode.FULL));
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("net.csv"), "from,to\n0,1\n");
        accepted(D.withNetwork(file.toString(), null));
        refused("terminals", D.withNetwork(file.toString(), null).withTerminals(Terminals.EDGE));
    }

    @Test
    void offValuesAreStoredAsUnset() {
        NetworkSettings s = NetworkSettings.LOCAL_DEFAULTS.withTraceTau(0.0).withTraceGate(TraceGate.ALWAYS)
                .withTraceHold(0);
        assertNull(s.traceTau());
        assertNull(s.traceGate());
        assertNull(s.traceHold());
        assertEquals(TraceGate.ALWAYS, s.gate());
        assertEquals(0, s.hold());
    }

    @Test
    void memoryIsRefusedExactlyWhenTheEstimateExceedsTheHeap() {
        assertEquals(1024, NetworkMemory.bytesPerNode(4.0));
        assertEquals(512 + 129, NetworkMemory.bytesPerNode(1.005));
        long need = NetworkMemory.bytes(64, 4.0, TaskKind.REGRESSION, 3, 2, 5);
        assertTrue(need > 64 * 1024, "the network alone takes 64 kB");
        assertDoesNotThrow(() -> NetworkMemory.require(D, need));
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> NetworkMemory.require(D, need - 1));
        // the nodes check counts one input, output and example, so 64 nodes fit one byte short; the five examples do not
        assertEquals("examples", e.key(), e.getMessage());
        e = assertThrows(InvalidSetting.class, () -> NetworkMemory.require(D, 1000));
        assertEquals("nodes", e.key(), e.getMessage());
    }

    /** {@code network}, {@code network_sha256}, {@code batch} and {@code power_weight}: ranges, modes and defaults. */
    @Test
    void networkFileBatchAndPowerWeightAreCheckedUnderTheirKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String file = java.nio.file.Files.writeString(dir.resolve("net.csv"), "from,to\n0,1\n").toString();
        String hash = "ab".repeat(32);
        accepted(D.withNetwork(file, null));
        accepted(D.withNetwork(file, hash));
        refused("network", D.withNetwork(dir.resolve("missing.csv").toString(), null));
        refused("network", D.withNetwork(dir.toString(), null));
        refused("network", D.withNetwork(" ", null));
        refused("network_sha256", D.withNetwork(file, "AB".repeat(32)));
        refused("network_sha256", D.withNetwork(file, hash + "0"));
        refused("network_sha256", D.withNetwork(null, hash));
        accepted(D.withBatch(BatchMode.FULL));
        refused("batch", D.withMode(CouplingMode.TWIN).withBatch(BatchMode.FULL));
        refused("batch", NetworkSettings.LOCAL_DEFAULTS.withBatch(BatchMode.FULL));
        accepted(D.withPowerWeight(0.5));
        accepted(D.withMode(CouplingMode.TWIN).withPowerWeight(0.5));
        accepted(NetworkSettings.LOCAL_DEFAULTS.withPowerWeight(0));
        refused("power_weight", NetworkSettings.LOCAL_DEFAULTS.withPowerWeight(0.5));
        for (double bad : new double[]{-1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            refused("power_weight", D.withPowerWeight(bad));
        }
        // off values are unset, so a run without them keeps the spec.json it had
        assertEquals(D, D.withBatch(BatchMode.EXAMPLE).withPowerWeight(0));
        assertEquals(BatchMode.EXAMPLE, D.batchValue());
        assertEquals(0.0, D.powerWeightValue());
    }
}
