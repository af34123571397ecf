package org.flexphase.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options whose default depends on {@code --mode} ({@code ep --mode local}, {@code network --mode local}): the option
 * keeps the value the command line gave, else takes the mode's default from the settings record. Picocli fills every
 * option with its declared default before parsing, so whether a value was given is read from the parse result.
 */
final class ModeDefaults {
    private ModeDefaults() {
    }

    /**
     * The option {@link RangedTypeErrors} is probing on this thread: it sets the option to a value no range admits and
     * asks the command's checks for the range, which they only see if the probed option counts as given.
     */
    private static final ThreadLocal<OptionSpec> PROBED = new ThreadLocal<>();

    /**
     * Whether {@code option} was given on the command line ({@code false} when the command was not parsed), or is the
     * option being probed for its range.
     */
    static boolean given(CommandSpec spec, String option) {
        OptionSpec probed = PROBED.get();
        if (probed != null && probed.command() == spec && java.util.Arrays.asList(probed.names()).contains(option)) {
            return true;
        }
        return spec != null && spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Runs {@code check} with {@code option} counted as given (see {@link #PROBED}). */
    static void probing(OptionSpec option, Runnable check) {
        OptionSpec before = PROBED.get();
        PROBED.set(option);
        try {
            check.run();
        } finally {
            if (before == null) {
                PROBED.remove();
            } else {
                PROBED.set(before);
            }
        }
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
