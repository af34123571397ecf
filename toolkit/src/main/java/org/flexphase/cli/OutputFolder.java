package org.flexphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flexphase.util.InvalidSetting;
import org.flexphase.runs.RunOutcome;
import org.flexphase.runs.SettingsJson;
import org.flexphase.util.Settings;
import org.flexphase.runs.RunSummary;
import org.flexphase.runs.RunFiles;
import org.flexphase.runs.FolderLock;
import org.flexphase.runs.RunKinds;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks an {@code --out} option before anything runs: it must name a folder (not be empty, not be an existing
 * file), and a single run ({@code train}, {@code ff}, {@code ep}, {@code network}) must not mix its files with
 * another run's: it holds the folder's lock while it runs, and refuses a folder holding another run's files.
 */
final class OutputFolder {
    /** The files a single run of any kind writes; {@code spec.json} (its settings) says which run a folder holds. */
    static final List<String> RUN_FILES = RunKinds.allFiles();

    private OutputFolder() {
    }

    /**
     * The body every single-run command shares ({@code train}, {@code ff}, {@code ep}, {@code network}): reads the
     * settings from the options and validates them (an unknown label or a value out of range exits 2 naming its
     * option, value and range), claims {@code out}, runs, prints the line {@code report} makes from the run's summary,
     * and returns the exit code: 1 when the run diverged (after writing what it had) or finished unstable (a network
     * whose cost rose above its unstable factor times the start or oscillated without trend), else 0.
     */
    static <S extends Settings, R extends RunSummary> int runCommand(
            CommandSpec spec, Supplier<S> options, RunOutput output, BiFunction<S, Path, RunOutcome<R>> run,
            Function<R, String> report) {
        Path out = output.out;
        S settings = validated(spec, options);
        check(spec, out);
        RunOutcome<R> outcome;
        try (FolderLock held = hold(spec, out)) {
            boolean fresh = claim(spec, out, SettingsJson.canonical(settings), output.overwrite);
            outcome = runIn(out, fresh, () -> run.apply(settings, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + out + ": " + e.getMessage(), e);
        }
        System.out.println(report.apply(outcome.summary()));
        if (outcome.diverged()) {
            System.err.println("flexphase: run diverged: " + outcome.divergence());
            return 1;
        }
        if (outcome.summary().unstable()) {
            System.err.println("flexphase: run unstable: " + outcome.summary().instability());
            return 1;
        }
        return 0;
    }

    /** The settings of the options, validated; a value out of range exits 2 naming its option, value and range. */
    static <S extends Settings> S validated(CommandSpec spec, Supplier<S> options) {
        try {
            S settings = options.get();
            settings.validate();
            return settings;
        } catch (InvalidSetting e) {
            throw Options.bad(spec, e);
        }
    }

    /** The dry run of a single-run command ({@link CheckedOptions}): its settings and its {@code --out}. */
    static void checkOptions(CommandSpec spec, Supplier<? extends Settings> options, RunOutput output) {
        validated(spec, options);
        check(spec, output.out);
    }

    /** Locks {@code out} for one run ({@link FolderLock}); exits 2 naming the folder if another run holds it. */
    static FolderLock hold(CommandSpec spec, Path out) {
        FolderLock held;
        try {
            held = FolderLock.tryLock(out);
        } catch (IOException e) {
            // The folder cannot be created or locked (a parent that is a file, a read-only or full disk): an I/O
            // failure (exit 3), not a value out of range.
            throw new UncheckedIOException("--out " + out + ": cannot create or lock the folder: " + e, e);
        }
        if (held == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out
                    + " is in use: another run holds it (lock " + out.resolve(FolderLock.NAME)
                    + "); wait for that run to finish, or choose another folder");
        }
        return held;
    }

    /** Rejects an empty {@code --out} and one that is an existing regular file. */
    static Path check(CommandSpec spec, Path out) {
        if (out.toString().isBlank()) {
            throw Options.bad(spec, "--out", "\"" + out + "\"", "a folder path (empty is the current folder; say . if meant)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--out': " + out
                    + " is an existing file, not a folder");
        }
        return out;
    }

    /**
     * Claims {@code out} for the run whose settings are {@code settings}: allowed when the folder holds no run files
     * or the same run's (a re-run of the same settings, which rewrites them); with {@code overwrite} another run's
     * files are deleted first; otherwise exits 2 naming the folder and the files found. Then writes
     * {@code spec.json}. Returns whether the folder held no run files before.
     */
    static boolean claim(CommandSpec spec, Path out, JsonNode settings, boolean overwrite) {
        check(spec, out);
        List<String> found = RUN_FILES.stream().filter(f -> Files.exists(out.resolve(f))).toList();
        boolean other = !found.isEmpty() && !sameRun(out.resolve("spec.json"), settings);
        if (other) {
            if (!overwrite) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " holds another run's files ("
                        + String.join(", ", found) + "); choose an empty folder, or pass --overwrite to replace them");
            }
            try {
                for (String f : found) {
                    Files.deleteIfExists(out.resolve(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old run's files in " + out + ": " + e.getMessage(), e);
            }
        }
        removeTemporaries(out);
        RunFiles.writeJson(settings, out.resolve("spec.json"));
        return found.isEmpty() || other;
    }

    /**
     * Deletes temporary files of run files a killed run left in {@code out} (called holding its lock, so no live
     * writer owns them).
     */
    static void removeTemporaries(Path out) {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(p -> RunFiles.isTemporaryOf(p.getFileName().toString(), RUN_FILES)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove a killed run's temporary files in " + out + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs {@code run} in a claimed folder; if it fails before its first checkpoint, a fresh folder gets no spec.json. */
    static <T> T runIn(Path out, boolean fresh, java.util.function.Supplier<T> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            if (fresh && !Files.exists(out.resolve("history.csv"))) {
                try {
                    Files.deleteIfExists(out.resolve("spec.json"));
                } catch (IOException ignored) {
                    // the run's own failure is the one to report
                }
            }
            throw e;
        }
    }

    static boolean sameRun(Path specJson, JsonNode settings) {
        if (!Files.isRegularFile(specJson)) {
            return false;
        }
        try {
            return Files.readString(specJson).equals(RunFiles.json().writeValueAsString(settings));
        } catch (IOException e) {
            return false; // unreadable: not provably the same run
        }
    }
}
