package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Which entry of a {@link LengthLaws#discrete} pmf is blamed: an infinite or NaN mass is refused as that entry, at
 * its index, before the sum is formed (the sum check would refuse it too, but as "must sum to 1: Infinity", which
 * does not say which entry is wrong); a zero mass is allowed.
 */
class DiscreteLawRefusalTest {

    @Test
    void anInfiniteOrNaNMassIsRefusedAsThatEntry() {
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> LengthLaws.discrete(0.5, Double.POSITIVE_INFINITY, 0.5));
        assertEquals("pmf[1] must be a finite number >= 0: Infinity", inf.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> LengthLaws.discrete(Double.NaN, 1.0));
        assertEquals("pmf[0] must be a finite number >= 0: NaN", nan.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> LengthLaws.discrete(1.25, -0.25));
        assertEquals("pmf[1] must be a finite number >= 0: -0.25", negative.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, LengthLaws::discrete);
        assertEquals("pmf must not be empty", empty.getMessage());
    }

    @Test
    void zeroMassesAreAllowedAndHaveProbabilityZero() {
        LengthLaw law = LengthLaws.discrete(0.0, 1.0, 0.0);
        assertEquals(0.0, law.pmf(1));
        assertEquals(1.0, law.pmf(2));
        assertEquals(0.0, law.pmf(3));
        assertEquals(2.0, law.mean());
        assertEquals(0.0, law.variance());
    }
}
