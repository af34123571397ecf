package org.flexphase.boltzmann;

/** Conversions between binary unit vectors and bit codes (bit i = unit i), for enumeration. */
public final class Bits {
    private Bits() {
    }

    /** The bit code of a 0/1 vector of at most 63 units. */
    public static long encode(double[] units) {
        if (units.length > 63) {
            throw new IllegalArgumentException("at most 63 units can be encoded as bits: " + units.length);
        }
        long code = 0;
        for (int i = 0; i < units.length; i++) {
            if (units[i] != 0) {
                code |= 1L << i;
            }
        }
        return code;
    }

    /** Fills {@code out} with the 0/1 units of {@code code} and returns it. */
    public static double[] decode(long code, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (code >>> i) & 1L;
        }
        return out;
    }
}
