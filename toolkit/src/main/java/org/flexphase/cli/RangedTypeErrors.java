package org.flexphase.cli;

import java.util.List;
import org.flexphase.util.InvalidSetting;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds the allowed range to picocli's type errors ({@code 'abc' is not a double}), so they read as every other bad
 * value: the option, the value and what is allowed. The range is the command's own: the option is set to a value no
 * range admits (NaN, the most negative integer) and the command's {@link CheckedOptions#checkOptions} says what it
 * allows; an option with no range check (a seed) allows its type's whole range. Exit code 2, as for any bad value.
 */
final class RangedTypeErrors implements CommandLine.IParameterExceptionHandler {
    private final CommandLine.IParameterExceptionHandler plain;

    RangedTypeErrors(CommandLine.IParameterExceptionHandler plain) {
        this.plain = plain;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) throws Exception {
        ArgSpec arg = ex.getArgSpec();
        if (arg instanceof OptionSpec option && ex.getCause() instanceof CommandLine.TypeConversionException) {
            String range = range(ex.getCommandLine(), option);
            ex = new CommandLine.ParameterException(ex.getCommandLine(), ex.getMessage() + " (allowed: " + range + ")",
                    ex.getCause(), arg, ex.getValue());
        }
        return plain.handleParseException(ex, args);
    }

    /** What {@code option} of {@code command} allows, found by probing the command's checks. */
    static String range(CommandLine command, OptionSpec option) {
        Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
        Object probe = probe(type);
        if (command.getCommandSpec().userObject() instanceof CheckedOptions checked && probe != null) {
            Object saved = option.getValue();
            try {
                option.setValue(option.isMultiValue() ? new java.util.ArrayList<>(List.of(probe)) : probe);
                // The mode's defaults replace options not given: the probed one must count as given.
                ModeDefaults.probing(option, checked::checkOptions);
            } catch (InvalidSetting e) {
                if (Options.option(e.key()).equals(option.longestName())) {
                    return e.allowed();
                }
            } catch (Options.RangeException e) {
                if (e.option().equals(option.longestName())) {
                    return e.allowed();
                }
            } catch (RuntimeException e) {
                // another option's check (a missing spec file): fall back to the type's range
            } finally {
                option.setValue(saved);
            }
        }
        return typeRange(type);
    }

    private static Object probe(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.MIN_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return Long.MIN_VALUE;
        }
        if (type == double.class || type == Double.class) {
            return Double.NaN;
        }
        return null;
    }

    private static String typeRange(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "any integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "any integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class) {
            return "any number";
        }
        return "a value of type " + type.getSimpleName();
    }
}
