package org.flexphase.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.flexphase.util.Settings;

/**
 * One kind of run: the name a spec and {@code spec.json} give it ({@code "kind": "ep"}), its settings record, that
 * record's defaults (what a spec's settings are laid over), every file a run of it writes into its folder
 * ({@code --overwrite} removes exactly these), how a run of it goes (history, summary, chart into a
 * folder) and its columns in a sweep's summary table. {@link RunKinds#ALL} lists every kind; the command line, sweep
 * specs, run keys, the sweep runners and Spark all read it, so a new kind is one entry there.
 */
public record RunKind<S extends Settings>(String name, Class<S> type, S defaults,
                                          BiFunction<S, Path, ? extends RunOutcome<?>> runner,
                                          Function<S, SweepColumns> columns, List<String> files) {
    /** A kind that writes the files every kind writes ({@link RunFiles#COMMON}) and no others. */
    public RunKind(String name, Class<S> type, S defaults, BiFunction<S, Path, ? extends RunOutcome<?>> runner,
                   Function<S, SweepColumns> columns) {
        this(name, type, defaults, runner, columns, RunFiles.COMMON);
    }

    public RunKind {
        files = List.copyOf(files);
        if (!type.isInstance(defaults)) {
            throw new IllegalArgumentException("defaults of kind " + name + " are a " + defaults.getClass());
        }
    }

    /** Validates {@code settings} (of this kind), then runs into {@code out} (nothing written when null). */
    public RunOutcome<?> run(Settings settings, Path out) {
        S s = type.cast(settings);
        s.validate();
        return runner.apply(s, out);
    }

    /** {@code settings}' row of a sweep's summary table. */
    public SweepColumns sweepColumns(Settings settings) {
        return columns.apply(type.cast(settings));
    }
}
