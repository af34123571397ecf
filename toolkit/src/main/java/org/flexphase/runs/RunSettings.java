package org.flexphase.runs;

import org.flexphase.util.InvalidSetting;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Everything that determines one run, as a typed record a spec binds strictly and a command line fills from its
 * options. The record itself (its canonical JSON, see {@link SettingsJson#canonical}) is the source of the run's
 * key, so no second list of its fields can drift from it. Each kind of run is one record.
 */
public sealed interface RunSettings permits TrainSettings, ForwardForwardSettings, NetworkSettings, EpSettings {
    /**
     * The kind as a spec names it: {@code train} (Boltzmann machines), {@code ff} (Forward-Forward), {@code network}
     * (coupled learning in resistor networks) or {@code ep} (Equilibrium Propagation).
     */
    String kind();

    long seed();

    /** Throws an {@link InvalidSetting} for the first setting out of range, before anything runs. */
    void validate();

    /** Runs into {@code out} (history, summary, chart; nothing written when null). */
    RunOutcome run(Path out);

    /** The settings as a JSON object with its kind: what {@code spec.json} shows and the run key hashes. */
    default ObjectNode canonical() {
        return SettingsJson.canonical(this);
    }

    /** A finished run: its history, its summary (as written to {@code summary.json}) and why it diverged, if it did. */
    record RunOutcome(Table history, java.util.Map<String, Object> summary, String divergence) {
        public boolean diverged() {
            return divergence != null;
        }
    }
}
