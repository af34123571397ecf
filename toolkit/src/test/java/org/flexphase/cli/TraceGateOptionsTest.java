package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.learning.TraceGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --trace-gate}, {@code --trace-hold} and {@code --trace-tau} on {@code ep} and {@code network}, and the
 * local-mode defaults: {@code --mode local} is the best documented flexible setting, {@code --mode standard} keeps its
 * defaults, and an option given on the command line always wins over the mode's default.
 */
class TraceGateOptionsTest {
    @TempDir
    Path tmp;

    static EpSettings ep(String... args) {
        EpCommand cmd = new EpCommand();
        new CommandLine(cmd).parseArgs(with(args));
        return cmd.settings();
    }

    static NetworkSettings network(String... args) {
        NetworkCommand cmd = new NetworkCommand();
        new CommandLine(cmd).parseArgs(with(args));
        return cmd.settings();
    }

    static String[] with(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = "unused";
        return all;
    }

    @Test
    void localModeDefaultsAreTheDocumentedSetting() {
        EpSettings ep = ep("--mode", "local");
        assertEquals(EpSettings.LOCAL_DEFAULTS, ep);
        // docs/experiments.md, Phase-gated trace: the 5.42 % row (commit at switch, lr 0.045)
        assertEquals(Mode.LOCAL, ep.mode());
        assertEquals(Boolean.TRUE, ep.traceCommit());
        assertEquals(TraceGate.FREE_ONLY_NUDGED_TERM, ep.traceGate());
        assertEquals(1.0, ep.traceTau());
        assertEquals(4, ep.traceHold());
        assertEquals(0.5, ep.beta());
        assertEquals(0.5, ep.switchProb());
        assertEquals(0.5, ep.b());
        assertEquals(0.045, ep.lr());
        assertEquals(1.0, ep.lrTauEpochs());
        ep.validate();
        NetworkSettings net = network("--mode", "local");
        assertEquals(NetworkSettings.LOCAL_DEFAULTS, net);
        // docs/experiments.md, Phase-gated trace: the 0.653 row (gated, both terms, tau = 4, p = 0.2, alpha = 0.001)
        assertEquals(CouplingMode.LOCAL, net.mode());
        assertEquals(TraceGate.FREE_ONLY, net.traceGate());
        assertEquals(4.0, net.traceTau());
        assertNull(net.traceHold());
        assertEquals(0.2, net.switchProb());
        assertEquals(0.04, net.presentProb());
        assertEquals(0.001, net.lr());
        assertEquals(64, net.nodes());
        assertEquals(200_000, net.steps());
        net.validate();
    }

    @Test
    void theSettingsReachTheTrainedSystems() {
        var ep = new org.flexphase.hopfield.EquilibriumPropagationTrainer(EpSettings.LOCAL_DEFAULTS)
                .system(org.flexphase.hopfield.HopfieldNetwork.of(4, 3, 10));
        assertEquals(TraceGate.FREE_ONLY_NUDGED_TERM, ep.traceGate());
        assertEquals(1.0, ep.traceTau());
        assertEquals(4, ep.holdAfter());
        assertTrue(ep.commitsAtSwitch());
        var ungated = new org.flexphase.hopfield.EquilibriumPropagationTrainer(EpSettings.DEFAULTS
                .withMode(Mode.LOCAL).withTraceTau(8)).system(org.flexphase.hopfield.HopfieldNetwork.of(4, 3, 10));
        assertEquals(TraceGate.ALWAYS, ungated.traceGate());
        assertEquals(0, ungated.holdAfter());
        assertFalse(ungated.commitsAtSwitch());
        assertFalse(new org.flexphase.hopfield.EquilibriumPropagationTrainer(EpSettings.LOCAL_DEFAULTS
                .withTraceCommit(false)).system(org.flexphase.hopfield.HopfieldNetwork.of(4, 3, 10)).commitsAtSwitch());
        NetworkSettings small = NetworkSettings.LOCAL_DEFAULTS.withNodes(16).withTraceHold(2)
                .withTraceGate(TraceGate.FREE_ONLY_NUDGED_TERM);
        var net = org.flexphase.runs.NetworkRun.system(small).system();
        assertEquals(TraceGate.FREE_ONLY_NUDGED_TERM, net.traceGate());
        assertEquals(4.0, net.traceTau());
        assertEquals(2, net.holdAfter());
        assertEquals(0.0, org.flexphase.runs.NetworkRun.system(NetworkSettings.DEFAULTS.withNodes(16)).system()
                .traceTau());
    }

    @Test
    void standardModeDefaultsAreUnchanged() {
        for (EpSettings s : new EpSettings[]{ep(), ep("--mode", "standard")}) {
            assertEquals(EpSettings.DEFAULTS, s);
            assertEquals(0.3, s.beta());
            assertEquals(0.02, s.lr());
            assertEquals(0.0, s.traceTau());
            assertNull(s.traceGate());
            assertNull(s.traceHold());
            assertNull(s.traceCommit());
        }
        assertEquals(EpSettings.DEFAULTS.withMode(Mode.CHL), ep("--mode", "chl"));
        for (NetworkSettings s : new NetworkSettings[]{network(), network("--mode", "standard")}) {
            assertEquals(NetworkSettings.DEFAULTS, s);
            assertEquals(0.5, s.lr());
            assertEquals(0.05, s.switchProb());
            assertNull(s.traceTau());
        }
        assertEquals(NetworkSettings.DEFAULTS.withMode(CouplingMode.TWIN), network("--mode", "twin"));
    }

    @Test
    void anExplicitValueWinsOverTheModeDefault() {
        EpSettings s = ep("--mode", "local", "--lr", "0.02", "--beta", "0.3", "--trace-tau", "8", "--trace-gate",
                "free-only", "--trace-hold", "2", "--switch-prob", "0.2", "--lr-tau-epochs", "0", "--b", "0.4");
        assertEquals(EpSettings.LOCAL_DEFAULTS.withLr(0.02).withBeta(0.3).withTraceTau(8)
                .withTraceGate(TraceGate.FREE_ONLY).withTraceHold(2).withSwitchProb(0.2).withLrTauEpochs(0).withB(0.4)
                .withTraceCommit(false), s);
        // even when the value given is the standard default
        assertEquals(0.02, ep("--mode", "local", "--lr", "0.02").lr());
        assertEquals(0.01, ep("--lr", "0.01").lr());
        // the old ungated-trace command, made explicit
        EpSettings ungated = ep("--mode", "local", "--trace-tau", "8", "--trace-gate", "always", "--trace-hold", "0");
        assertNull(ungated.traceGate());
        assertNull(ungated.traceHold());
        NetworkSettings n = network("--mode", "local", "--lr", "0.5", "--switch-prob", "0.05", "--present-prob",
                "0.01", "--trace-tau", "16", "--trace-gate", "free-only-nudged-term", "--trace-hold", "3");
        assertEquals(NetworkSettings.LOCAL_DEFAULTS.withLr(0.5).withSwitchProb(0.05).withPresentProb(0.01)
                .withTraceTau(16.0).withTraceGate(TraceGate.FREE_ONLY_NUDGED_TERM).withTraceHold(3), n);
    }

    @Test
    void commitAtSwitchIsLocalModesDefaultWithTheNudgedTermGateOnly() {
        assertNull(ep("--mode", "local", "--trace-commit", "false").traceCommit(), "false is unset");
        assertEquals(EpSettings.LOCAL_DEFAULTS.withTraceCommit(false), ep("--mode", "local", "--trace-commit", "false"));
        // another gate drops the mode's commit, which needs the nudged-term gate
        assertNull(ep("--mode", "local", "--trace-gate", "free-only").traceCommit());
        assertEquals(Boolean.TRUE, ep("--mode", "local", "--trace-gate", "free-only-nudged-term", "--trace-tau", "4")
                .traceCommit());
        assertNull(ep("--mode", "local", "--trace-tau", "0").traceCommit());
        // in a spec: true binds and shows, false is left out (the key of a run without it)
        var on = org.flexphase.sweeps.SweepSpec.parse("{\"base\": {\"kind\": \"ep\", \"mode\": \"local\", "
                + "\"trace_tau\": 1, \"trace_gate\": \"free-only-nudged-term\", \"trace_commit\": true}, "
                + "\"seeds\": [1]}", "spec").get(0);
        assertEquals(Boolean.TRUE, on.describe().get("trace_commit"));
        assertTrue(((EpSettings) on.settings()).commitAtSwitch());
        var off = org.flexphase.sweeps.SweepSpec.parse("{\"base\": {\"kind\": \"ep\", \"mode\": \"local\", "
                + "\"trace_tau\": 1, \"trace_gate\": \"free-only-nudged-term\", \"trace_commit\": false}, "
                + "\"seeds\": [1]}", "spec").get(0);
        assertFalse(off.describe().containsKey("trace_commit"));
        assertEquals(new org.flexphase.sweeps.RunSpec(off.group(), ((EpSettings) on.settings()).withTraceCommit(null))
                .key(), off.key());
        for (String[] c : new String[][]{{"--trace-commit", "true"}, {"--mode", "local", "--trace-gate", "free-only",
            "--trace-commit", "true"}, {"--mode", "chl", "--trace-commit", "true"}}) {
            FailureMessagesTest.Ran r = HostileInputs.check(with(CommandLineTest.concat(new String[]{"ep"}, c)));
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains("'--trace-commit'") && r.err().contains("free-only-nudged-term"),
                    String.join(" ", c) + ": " + r.err());
        }
    }

    @Test
    void turningTheTraceOffDropsTheModesGateAndHold() {
        EpSettings ep = ep("--mode", "local", "--trace-tau", "0");
        assertEquals(0.0, ep.traceTau());
        assertNull(ep.traceGate());
        assertNull(ep.traceHold());
        ep.validate();
        NetworkSettings net = network("--mode", "local", "--trace-tau", "0");
        assertNull(net.traceTau());
        assertNull(net.traceGate());
        net.validate();
    }

    @Test
    void hostileValuesExitTwoNamingTheOptionValueAndRange() {
        String gates = "always | free-only | free-only-nudged-term";
        String[][] cases = {
            {"--trace-gate", "0", gates}, {"--trace-gate", "-1", gates}, {"--trace-gate", "NaN", gates},
            {"--trace-gate", "Infinity", gates}, {"--trace-gate", "-Infinity", gates},
            {"--trace-gate", "1e308", gates}, {"--trace-gate", "text", gates}, {"--trace-gate", "FREE_ONLY", gates},
            {"--trace-gate", "free_only", gates}, {"--trace-gate", "2147483648", gates},
            {"--trace-hold", "-1", "0 <= value < 24"}, {"--trace-hold", "24", "0 <= value < 24"},
            {"--trace-hold", "NaN", "'NaN' is not an int"}, {"--trace-hold", "Infinity", "is not an int"},
            {"--trace-hold", "-Infinity", "is not an int"}, {"--trace-hold", "1e308", "is not an int"},
            {"--trace-hold", "text", "is not an int"}, {"--trace-hold", "2147483648", "is not an int"},
            {"--trace-tau", "-1", "0 (off) or a finite value >= 1"}, {"--trace-tau", "0.5", "0 (off) or a finite"},
            {"--trace-tau", "NaN", "0 (off) or a finite value >= 1"},
            {"--trace-tau", "Infinity", "0 (off) or a finite value >= 1"},
            {"--trace-tau", "-Infinity", "0 (off) or a finite value >= 1"},
            {"--trace-tau", "1e309", "0 (off) or a finite value >= 1"},
            {"--trace-tau", "text", "is not a double"},
        };
        for (String command : new String[]{"ep", "network"}) {
            for (String[] c : cases) {
                String range = command.equals("network") ? c[2].replace("< 24", "< 25.0") : c[2];
                // network: 1 / present_prob = 25 steps
                String value = command.equals("network") && c[1].equals("24") ? "25" : c[1];
                Path out = tmp.resolve(command + Math.abs((c[0] + c[1]).hashCode()));
                FailureMessagesTest.Ran r = FailureMessagesTest.run(command, "--mode", "local", c[0], value, "--out",
                        out.toString());
                assertEquals(2, r.code(), command + " " + c[0] + " " + c[1] + ": " + r.err());
                String shown = c[1].equals("1e309") ? "Infinity" : value;
                assertTrue(r.err().contains(c[0]) && r.err().contains(shown) && r.err().contains(range),
                        command + " " + c[0] + " " + c[1] + ": " + r.err());
                assertFalse(Files.exists(out.resolve("spec.json")), "nothing claimed");
            }
        }
    }

    @Test
    void theGateAndHoldOutsideLocalModeOrWithoutATraceAreRefused() {
        String[][] cases = {
            {"ep", "--mode", "standard", "--trace-gate", "free-only"},
            {"ep", "--mode", "local", "--trace-tau", "0", "--trace-hold", "2"},
            {"ep", "--mode", "local", "--trace-tau", "0", "--trace-gate", "free-only"},
            {"network", "--mode", "twin", "--trace-tau", "4"},
            {"network", "--mode", "standard", "--trace-hold", "1"},
            {"network", "--mode", "local", "--trace-tau", "0", "--trace-gate", "free-only"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 2);
            args[c.length] = "--out";
            args[c.length + 1] = tmp.resolve("x" + Math.abs(String.join(" ", c).hashCode())).toString();
            FailureMessagesTest.Ran r = FailureMessagesTest.run(args);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains("only with mode local") || r.err().contains("unless mode is local"),
                    String.join(" ", c) + ": " + r.err());
        }
    }

    @Test
    void theHelpShowsTheLocalDefaultsOfTheRecords() {
        String ep = new CommandLine(new EpCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        EpSettings l = EpSettings.LOCAL_DEFAULTS;
        for (String shown : new String[]{"(default: " + EpSettings.DEFAULTS.beta() + "; local: " + l.beta() + ")",
            "(default: " + EpSettings.DEFAULTS.lr() + "; local: " + l.lr() + ")",
            "local: " + (int) l.traceTau() + ", a sample-and-hold", "local: " + l.traceGate().key() + ")",
            "(default: 0; local: " + l.traceHold() + ")", "(default: false; local: " + l.traceCommit() + " with that gate)"}) {
            assertTrue(ep.contains(shown), shown + " in " + ep);
        }
        String net = new CommandLine(new NetworkCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        NetworkSettings n = NetworkSettings.LOCAL_DEFAULTS;
        for (String shown : new String[]{"local: " + n.switchProb() + ")", "local: " + n.presentProb() + ")",
            "local: " + n.lr() + ")", "local: " + n.steps() + ",", "(default: 0; local: " + n.traceTau().intValue() + ")",
            "local: " + n.traceGate().key() + ")"}) {
            assertTrue(net.contains(shown), shown + " in " + net);
        }
    }
}
