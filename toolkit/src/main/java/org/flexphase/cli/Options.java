package org.flexphase.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Range checks for command-line options: a failure exits with code 2 and names the option, its value and the allowed range. */
final class Options {
    private Options() {
    }

    static CommandLine.ParameterException bad(CommandSpec spec, String option, Object value, String range) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': " + value + " (allowed: " + range + ")");
    }

    static double openUnit(CommandSpec spec, String option, double v) {
        if (!(v > 0 && v < 1)) {
            throw bad(spec, option, v, "0 < value < 1");
        }
        return v;
    }

    static double halfOpenUnit(CommandSpec spec, String option, double v) {
        if (!(v > 0 && v <= 1)) {
            throw bad(spec, option, v, "0 < value <= 1");
        }
        return v;
    }

    static double positive(CommandSpec spec, String option, double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw bad(spec, option, v, "finite value > 0");
        }
        return v;
    }

    static double nonNegative(CommandSpec spec, String option, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw bad(spec, option, v, "finite value >= 0");
        }
        return v;
    }

    static long atLeast(CommandSpec spec, String option, long v, long min) {
        if (v < min) {
            throw bad(spec, option, v, "integer >= " + min);
        }
        return v;
    }
}
