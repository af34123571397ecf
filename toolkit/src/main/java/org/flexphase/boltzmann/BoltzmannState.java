package org.flexphase.boltzmann;

import java.util.Arrays;

/**
 * The binary state {@code a = (v, h)} of a Boltzmann machine, as 0/1 doubles so that dot products need no
 * conversion. Mutable: Gibbs steps overwrite it in place. A fully visible machine has no hidden units.
 *
 * <pre>{@code
 * BoltzmannState s = rbm.newState();
 * s.clamp(row);                                                // visible units to a data row
 * }</pre>
 */
public final class BoltzmannState {
    /** Visible units, 0 or 1. */
    public final double[] visible;
    /** Hidden units, 0 or 1 (length 0 for a fully visible machine). */
    public final double[] hidden;

    /** A state of all-zero units. */
    public BoltzmannState(int visibleCount, int hiddenCount) {
        this.visible = new double[visibleCount];
        this.hidden = new double[hiddenCount];
    }

    /** Holds the visible units at {@code pattern} (copied), as a positive phase does. */
    public void clamp(double[] pattern) {
        if (pattern.length != visible.length) {
            throw new IllegalArgumentException("pattern length must be " + visible.length + ": " + pattern.length);
        }
        System.arraycopy(pattern, 0, visible, 0, visible.length);
    }

    /** Overwrites this state with {@code other}'s values. */
    public void copyFrom(BoltzmannState other) {
        System.arraycopy(other.visible, 0, visible, 0, visible.length);
        System.arraycopy(other.hidden, 0, hidden, 0, hidden.length);
    }

    /** A deep copy. */
    public BoltzmannState copy() {
        BoltzmannState s = new BoltzmannState(visible.length, hidden.length);
        s.copyFrom(this);
        return s;
    }

    /** Sets the units from bit codes: bit i of {@code visibleBits} is visible unit i, likewise for hidden. */
    public void setBits(long visibleBits, long hiddenBits) {
        for (int i = 0; i < visible.length; i++) {
            visible[i] = (visibleBits >>> i) & 1L;
        }
        for (int j = 0; j < hidden.length; j++) {
            hidden[j] = (hiddenBits >>> j) & 1L;
        }
    }

    /** The visible units as a bit code (bit i = unit i); at most 63 units. */
    public long visibleBits() {
        return Bits.encode(visible);
    }

    /** The hidden units as a bit code (bit j = unit j); at most 63 units. */
    public long hiddenBits() {
        return Bits.encode(hidden);
    }

    @Override
    public String toString() {
        return "v=" + Arrays.toString(visible) + " h=" + Arrays.toString(hidden);
    }
}
