package org.flexphase.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kit's quantiles against published table values (normal: Abramowitz and Stegun 26.2; t: 26.7). */
class QuantilesTest {

    @Test
    void normalQuantilesMatchTables() {
        assertEquals(1.959964, Quantiles.twoSidedNormal(0.05), 1e-6);
        assertEquals(2.575829, Quantiles.twoSidedNormal(0.01), 1e-6);
        assertEquals(3.890592, Quantiles.twoSidedNormal(1e-4), 1e-6);
        assertEquals(4.891638, Quantiles.twoSidedNormal(1e-6), 1e-6);
    }

    @Test
    void studentQuantilesMatchTables() {
        assertEquals(12.7062, Quantiles.twoSidedStudent(0.05, 1), 1e-4);
        assertEquals(2.0227, Quantiles.twoSidedStudent(0.05, 39), 1e-4);
        assertEquals(2.7079, Quantiles.twoSidedStudent(0.01, 39), 1e-4);
        assertEquals(3.5581, Quantiles.twoSidedStudent(0.001, 39), 1e-3);
        assertEquals(Quantiles.twoSidedNormal(1e-4), Quantiles.twoSidedStudent(1e-4, 1e7), 1e-4);
    }
}
