package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flexphase.boltzmann.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Range gaps of {@code train}: each is refused before training (exit 2, naming the option) or reported at step 0. */
class TrainRangesTest {
    @TempDir
    Path tmp;

    Object[] train(String... args) {
        FailureMessagesTest.Ran r = FailureMessagesTest.run(CommandLineTest.concat(
                CommandLineTest.concat(new String[]{"train"}, args), "--out", tmp.resolve("out").toString()));
        return new Object[]{r.code(), r.err()};
    }

    void refused(String[] args, String... mentions) {
        Object[] r = train(args);
        assertEquals(2, r[0], String.join(" ", args) + " -> " + r[1]);
        for (String m : mentions) {
            assertTrue(((String) r[1]).contains(m), "mentions " + m + ": " + r[1]);
        }
        assertFalse(Files.exists(tmp.resolve("out/history.csv")), "nothing trained");
    }

    @Test
    void averageFromMustBeMinusOneOrWithinTheSteps() {
        refused(new String[]{"--average-from", "-5", "--steps", "100"}, "--average-from", "-5", "-1 (half the steps)");
        refused(new String[]{"--average-from", "101", "--steps", "100"}, "--average-from", "101", "steps = 100");
    }

    @Test
    void aCdKThatLeavesNoRoomForOneUpdateIsRefused() {
        refused(new String[]{"--mode", "standard", "--cd-k", "60", "--steps", "100"}, "--cd-k", "60", "steps / 2 = 50");
    }

    @Test
    void aModelTooLargeForTheHeapIsRefusedBeforeAnyAllocation() {
        refused(new String[]{"--hidden", "100000000"}, "--hidden", "100000000", "-Xmx");
    }

    @Test
    void exactModeOnImagesAndTheLateralModelsUnitLimitNameTheOption() {
        refused(new String[]{"--mode", "exact", "--data", "mnist"}, "--mode", "exact", "bas4 or bas3");
        refused(new String[]{"--model", "lateral-bm", "--hidden", "9"}, "--hidden", "9", "1 <= value <= 8", "lateral-bm");
    }

    @Test
    void infiniteInitialWeightsAreReportedAtStepZero() {
        Object[] r = train("--init-sd", "1e308", "--hidden", "4", "--steps", "4000", "--eval-every", "2000");
        assertEquals(1, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("at step 0"), (String) r[1]);
    }

    @Test
    void theTrainOptionsDefaultToTheSharedDefaults() {
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--out", tmp.toString());
        // One record: the command's defaults are the trainer's (there is no second config type to drift apart).
        assertEquals(TrainSettings.DEFAULTS, cmd.settings());
    }
}
