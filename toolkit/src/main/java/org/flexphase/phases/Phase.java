package org.flexphase.phases;

/** The two phases of contrastive learning (docs/theory.md section 1). */
public enum Phase {
    /** Clamped ("wake", data-driven) phase: visible units are held at a data pattern. */
    POSITIVE('+'),
    /** Free ("sleep", model-driven) phase: the network runs on its own. */
    NEGATIVE('-');

    private final char symbol;

    Phase(char symbol) {
        this.symbol = symbol;
    }

    /** Whether this is the clamped phase. */
    public boolean isPositive() {
        return this == POSITIVE;
    }

    /** {@code +} or {@code -}. */
    public char symbol() {
        return symbol;
    }
}
