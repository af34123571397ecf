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

    public boolean isPositive() {
        return this == POSITIVE;
    }

    public char symbol() {
        return symbol;
    }
}
