package org.flexphase.util;

import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Upper bounds on size settings, derived from memory, checked before anything is allocated. A settings record
 * estimates the bytes its run allocates as a function of one size ({@code hidden}, {@code nodes}, ...) and
 * {@link #requireFits} refuses a value whose estimate exceeds the heap, naming the setting, the value, the largest
 * value that fits, the bytes needed and the heap ({@code -Xmx}); the command line re-words the key as its option.
 *
 * <p>Every estimate is built from {@link #doubles}, {@link #ints}, {@link #times} and {@link #plus}, which saturate at
 * {@link #TOO_LARGE} instead of overflowing: a value such as {@code 2147483647} gives an honest "too large", never a
 * negative size that passes a comparison. {@link #doubles} also saturates when one array would exceed the most
 * elements a Java array holds, since no heap could allocate it.
 */
public final class MemoryBudget {
    /** An estimate that does not fit in a long, or an array no JVM allocates: larger than any heap. */
    public static final long TOO_LARGE = Long.MAX_VALUE;
    /** The most elements a Java array holds (HotSpot refuses {@code Integer.MAX_VALUE - 2} and above). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryBudget() {
    }

    /** The most bytes this JVM's heap may grow to ({@code -Xmx}). */
    public static long heap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Bytes of one {@code double[]} of {@code n} elements (its 16-byte header included), saturating. */
    public static long doubles(long n) {
        return n < 0 || n > MAX_ARRAY ? TOO_LARGE : 16 + 8 * n;
    }

    /** Bytes of one {@code int[]} of {@code n} elements, saturating. */
    public static long ints(long n) {
        return n < 0 || n > MAX_ARRAY ? TOO_LARGE : 16 + 4 * n;
    }

    /** {@code a * b}, saturating at {@link #TOO_LARGE} (operands are counts, never negative). */
    public static long times(long a, long b) {
        if (a < 0 || b < 0) {
            return TOO_LARGE;
        }
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return TOO_LARGE;
        }
    }

    /** The sum of {@code terms}, saturating at {@link #TOO_LARGE}. */
    public static long plus(long... terms) {
        long sum = 0;
        for (long t : terms) {
            if (t < 0) {
                return TOO_LARGE;
            }
            try {
                sum = Math.addExact(sum, t);
            } catch (ArithmeticException e) {
                return TOO_LARGE;
            }
        }
        return sum;
    }

    /**
     * Requires {@code bytes(value) <= heap}, for a size {@code value >= min} whose estimate {@code bytes} grows with
     * it. The message names {@code key}, the value, the largest value that fits (found by bisection), what the
     * estimate counts ({@code what}), the bytes needed and the heap.
     */
    public static long requireFits(String key, long value, long min, LongUnaryOperator bytes, String what, long heap) {
        long needed = bytes.applyAsLong(value);
        if (needed <= heap) {
            return value;
        }
        long lo = min - 1;
        long hi = value;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (bytes.applyAsLong(mid) <= heap) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        String range = lo < min ? "none fits this heap" : min + " <= integer <= " + lo;
        throw new InvalidSetting(key, value, range + " (" + what + " needs " + size(needed) + " at " + value
                + "; this JVM may use " + size(heap) + ", java -Xmx; raise -Xmx or lower " + key + ")");
    }

    /** As {@link #requireFits(String, long, long, LongUnaryOperator, String, long)} for a value that is no number. */
    public static void requireFits(String key, Object value, long needed, String what, String allowed, long heap) {
        if (needed > heap) {
            throw new InvalidSetting(key, value, allowed + " (" + what + " needs " + size(needed)
                    + "; this JVM may use " + size(heap) + ", java -Xmx; raise -Xmx or lower " + key + ")");
        }
    }

    /** {@code bytes} for a message: "1.5 GB (1610612736 bytes)", or "more than any JVM holds" when saturated. */
    public static String size(long bytes) {
        if (bytes == TOO_LARGE) {
            return "more than any JVM holds (an array beyond 2^31 elements or a size beyond 2^63 bytes)";
        }
        return String.format(Locale.ROOT, "%.2f GB (%d bytes)", bytes / (double) (1L << 30), bytes);
    }
}
