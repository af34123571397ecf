package org.flexphase.util;

import java.util.Arrays;
import java.util.Locale;

/**
 * A setting or argument out of its allowed range: the one wording of every range check, in the core
 * ({@link Checks} delegates here), the settings records and the command line. The message names the setting, the
 * value and what is allowed; front ends may re-word the key (the command line names the option {@code --hidden}, a
 * sweep spec names its file, the run and the key {@code hidden}) but never the value or the allowed range.
 *
 * <p>Enum settings are written as their lower-case names ({@link #label}), as in {@code spec.json} and on the command
 * line; {@link #requireLabel} reads them back with the allowed names joined by {@code " | "}.
 */
public final class InvalidSetting extends IllegalArgumentException {
    private final String key;
    private final transient Object value;
    private final String allowed;

    public InvalidSetting(String key, Object value, String allowed) {
        super("invalid value for '" + key + "': " + value + " (allowed: " + allowed + ")");
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    /** The setting's name as a spec writes it, e.g. {@code switch_prob}. */
    public String key() {
        return key;
    }

    public Object value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }

    /** Throws unless {@code ok}. */
    public static void require(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new InvalidSetting(key, value, allowed);
        }
    }

    public static String requireChoice(String key, String value, String... choices) {
        require(value != null && Arrays.asList(choices).contains(value), key, value, String.join(" | ", choices));
        return value;
    }

    /** Requires a non-null constant of {@code type}; the message lists every constant's {@link #label}. */
    public static <E extends Enum<E>> E requireChoice(String key, E value, Class<E> type) {
        require(value != null, key, null, labels(type));
        return value;
    }

    public static long requireAtLeast(String key, long value, long min) {
        require(value >= min, key, value, "integer >= " + min);
        return value;
    }

    public static long requireInRange(String key, long value, long min, long max) {
        require(value >= min && value <= max, key, value, min + " <= integer <= " + max);
        return value;
    }

    /** Requires {@code min <= value <= max}, NaN excluded. */
    public static double requireInRange(String key, double value, double min, double max) {
        require(value >= min && value <= max, key, value, min + " <= value <= " + max);
        return value;
    }

    public static double requireFinite(String key, double value) {
        require(Double.isFinite(value), key, value, "finite value");
        return value;
    }

    public static double requirePositive(String key, double value) {
        require(value > 0 && value < Double.POSITIVE_INFINITY, key, value, "finite value > 0");
        return value;
    }

    public static double requireNonNegative(String key, double value) {
        require(value >= 0 && value < Double.POSITIVE_INFINITY, key, value, "finite value >= 0");
        return value;
    }

    public static double requireOpenUnit(String key, double value) {
        require(value > 0 && value < 1, key, value, "0 < value < 1");
        return value;
    }

    public static double requireHalfOpenUnit(String key, double value) {
        require(value > 0 && value <= 1, key, value, "0 < value <= 1");
        return value;
    }

    /** Requires {@code dir} unset or an existing folder (checked before a run starts, not when the data is loaded). */
    public static String requireFolderOrNull(String key, String dir) {
        if (dir == null || !dir.isBlank() && java.nio.file.Files.isDirectory(java.nio.file.Path.of(dir))) {
            return dir;
        }
        boolean file = !dir.isBlank() && java.nio.file.Files.exists(java.nio.file.Path.of(dir));
        throw new InvalidSetting(key, dir, "unset, or an existing folder holding the data files; it is "
                + (dir.isBlank() ? "empty" : file ? "a file" : "missing"));
    }

    /**
     * How a spec and the command line write {@code e}: its lower-case name with dashes ({@code LOCAL} is
     * {@code local}, {@code FREE_ONLY} is {@code free-only}).
     */
    public static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every constant of {@code type} as written, joined by {@code " | "}: the allowed list of its messages. */
    public static String labels(Class<?> type) {
        return String.join(" | ", Arrays.stream(type.getEnumConstants()).map(e -> label((Enum<?>) e)).toList());
    }

    /** The constant of {@code type} written {@code text} (exactly, lower case); anything else names the allowed list. */
    public static <E extends Enum<E>> E requireLabel(String key, String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (label(e).equals(text)) {
                return e;
            }
        }
        throw new InvalidSetting(key, text, labels(type));
    }
}
