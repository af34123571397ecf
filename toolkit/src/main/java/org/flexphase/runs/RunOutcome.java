package org.flexphase.runs;

import tech.tablesaw.api.Table;

/** A finished run: its history and its summary (as written to {@code summary.json}). */
public record RunOutcome<R extends RunSummary>(Table history, R summary) {
    public boolean diverged() {
        return summary.diverged();
    }

    /** Why the run stopped early, or null. */
    public String divergence() {
        return summary.divergence();
    }
}
