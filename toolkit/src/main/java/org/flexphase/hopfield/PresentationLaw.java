package org.flexphase.hopfield;

import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;

/** The law of example lengths in LOCAL mode: how long one example stays on, in sweeps, with a given mean. */
public enum PresentationLaw {
    /** Every example for exactly the mean length. */
    FIXED,
    /** Lengths geometric with the mean length: examples change with probability {@code 1 / mean} per sweep. */
    GEOMETRIC;

    /** This law with mean {@code meanLength} sweeps. */
    public LengthLaw withMean(int meanLength) {
        return this == FIXED ? LengthLaws.fixed(meanLength) : LengthLaws.geometric(1.0 / meanLength);
    }
}
