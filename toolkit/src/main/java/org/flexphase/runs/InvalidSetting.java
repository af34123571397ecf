package org.flexphase.runs;

/**
 * A run setting out of its allowed range. Front ends turn it into their own wording: the command line names the
 * option ({@code --hidden}), a sweep spec names its file, the run and the key ({@code hidden}).
 */
public final class InvalidSetting extends IllegalArgumentException {
    private final String key;
    private final Object value;
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
    static void require(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new InvalidSetting(key, value, allowed);
        }
    }

    static void requireChoice(String key, String value, String... choices) {
        require(value != null && java.util.List.of(choices).contains(value), key, value, String.join(" | ", choices));
    }

    static void requireAtLeast(String key, long value, long min) {
        require(value >= min, key, value, "integer >= " + min);
    }

    static void requirePositive(String key, double value) {
        require(value > 0 && value < Double.POSITIVE_INFINITY, key, value, "finite value > 0");
    }

    static void requireNonNegative(String key, double value) {
        require(value >= 0 && value < Double.POSITIVE_INFINITY, key, value, "finite value >= 0");
    }

    static void requireOpenUnit(String key, double value) {
        require(value > 0 && value < 1, key, value, "0 < value < 1");
    }

    static void requireHalfOpenUnit(String key, double value) {
        require(value > 0 && value <= 1, key, value, "0 < value <= 1");
    }
}
