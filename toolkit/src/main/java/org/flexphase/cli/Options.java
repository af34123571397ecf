package org.flexphase.cli;

import org.flexphase.util.InvalidSetting;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Range checks for command-line options in the wording of {@link InvalidSetting}: a failure exits with code 2 and
 * names the option, its value and the allowed range.
 */
final class Options {
    private Options() {
    }

    static CommandLine.ParameterException bad(CommandSpec spec, String option, Object value, String range) {
        return new RangeException(spec.commandLine(), option, value, range);
    }

    /** A value out of range, naming the option and what it allows (read back by {@link RangedTypeErrors}). */
    static final class RangeException extends CommandLine.ParameterException {
        private final String option;
        private final String allowed;

        RangeException(CommandLine cli, String option, Object value, String allowed) {
            super(cli, "Invalid value for option '" + option + "': " + value + " (allowed: " + allowed + ")");
            this.option = option;
            this.allowed = allowed;
        }

        String option() {
            return option;
        }

        String allowed() {
            return allowed;
        }
    }

    /** {@code e} re-worded for the command line: its key becomes the option ({@code switch_prob} is {@code --switch-prob}). */
    static CommandLine.ParameterException bad(CommandSpec spec, InvalidSetting e) {
        return bad(spec, option(e.key()), e.value(), e.allowed());
    }

    /** The option of a setting: {@code switch_prob} is {@code --switch-prob}. */
    static String option(String key) {
        return key.equals("visible_biases") ? "--no-visible-biases" : "--" + key.replace('_', '-');
    }

    static double positive(CommandSpec spec, String option, double v) {
        try {
            return InvalidSetting.requirePositive(option, v);
        } catch (InvalidSetting e) {
            throw bad(spec, option, e.value(), e.allowed());
        }
    }

    static long atLeast(CommandSpec spec, String option, long v, long min) {
        try {
            return InvalidSetting.requireAtLeast(option, v, min);
        } catch (InvalidSetting e) {
            throw bad(spec, option, e.value(), e.allowed());
        }
    }
}
