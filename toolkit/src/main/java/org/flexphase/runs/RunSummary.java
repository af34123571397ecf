package org.flexphase.runs;

/**
 * What a finished run reports in {@code summary.json}: one record shape per kind of run (its components, in
 * snake_case, are the file's keys; {@link RunFiles#writeSummary} sorts them as the file has always had them). Every
 * shape says its seed, whether and why it diverged, and its wall time.
 */
public interface RunSummary {
    long seed();

    boolean diverged();

    /** Why the run stopped early (NaN or infinite parameters, and where), or null. */
    String divergence();

    double wallSeconds();

    /** Whether the run finished but its learning was unstable (reported like divergence; only networks judge it). */
    default boolean unstable() {
        return false;
    }

    /** Why the run is unstable, with the rates it ran at, or null. */
    default String instability() {
        return null;
    }
}
