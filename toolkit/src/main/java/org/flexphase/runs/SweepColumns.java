package org.flexphase.runs;

/**
 * How a sweep's summary table ({@code sweep_summary.csv}) describes a run: its mode (prefixed by the family beyond
 * Boltzmann machines), {@code b}, the switch probability, the negative start ("" where there is none), the
 * learning-rate schedule and its budget in steps (NaN where it has none).
 */
public record SweepColumns(String mode, double b, double switchProb, String negativeStart, String lrSchedule,
                           double steps) {
}
