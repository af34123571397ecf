package org.flexphase.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Options whose default depends on {@code --mode} ({@code ep --mode local}, {@code network --mode local}): the option
 * keeps the value the command line gave, else takes the mode's default from the settings record. Picocli fills every
 * option with its declared default before parsing, so whether a value was given is read from the parse result.
 */
final class ModeDefaults {
    private ModeDefaults() {
    }

    /** Whether {@code option} was given on the command line ({@code false} when the command was not parsed). */
    static boolean given(CommandSpec spec, String option) {
        return spec != null && spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** {@code value} if {@code option} was given, else the mode's default. */
    static double pick(CommandSpec spec, String option, double value, double modeDefault) {
        return given(spec, option) ? value : modeDefault;
    }

    /** {@code value} if {@code option} was given, else the mode's default. */
    static long pick(CommandSpec spec, String option, long value, long modeDefault) {
        return given(spec, option) ? value : modeDefault;
    }
}
