package org.flexphase.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Everything that determines one run, as a typed record a spec binds strictly and a command line fills from its
 * options. The record itself (its canonical JSON, see {@link SettingsJson#canonical}) is the source of the run's
 * key, so no second list of its fields can drift from it. Each kind of run is one record, registered in
 * {@link RunKinds}.
 */
public interface RunSettings {
    /** The kind as a spec names it ({@link RunKinds}). */
    default String kind() {
        return RunKinds.of(this).name();
    }

    long seed();

    /** Throws an {@link org.flexphase.util.InvalidSetting} for the first setting out of range, before anything runs. */
    void validate();

    /** Runs into {@code out} (history, summary, chart; nothing written when null). */
    RunOutcome<? extends RunSummary> run(Path out);

    /** The columns of this run's row in a sweep's summary table ({@code sweep_summary.csv}). */
    SweepColumns sweepColumns();

    /** The settings as a JSON object with its kind: what {@code spec.json} shows and the run key hashes. */
    default ObjectNode canonical() {
        return SettingsJson.canonical(this);
    }

    /** {@link #canonical()} as a map: the {@code config} a summary echoes. */
    default java.util.Map<String, Object> describe() {
        return SettingsJson.mapper().convertValue(canonical(),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
    }

    /**
     * How a sweep's summary table describes a run: its mode (prefixed by the family beyond Boltzmann machines),
     * {@code b}, the switch probability, the negative start ("" where there is none), the learning-rate schedule
     * and its budget in steps (NaN where it has none).
     */
    record SweepColumns(String mode, double b, double switchProb, String negativeStart, String lrSchedule,
                        double steps) {
    }

    /** A finished run: its history and its summary (as written to {@code summary.json}). */
    record RunOutcome<R extends RunSummary>(Table history, R summary) {
        public boolean diverged() {
            return summary.diverged();
        }

        /** Why the run stopped early, or null. */
        public String divergence() {
            return summary.divergence();
        }
    }
}
