package org.flexphase.boltzmann;

import java.util.Locale;
import org.flexphase.util.InvalidSetting;

import static org.flexphase.util.InvalidSetting.require;

/**
 * The size limits of a {@code train} run, checked before any array is allocated: exact evaluation of a lateral machine
 * enumerates every joint state, and the parameter copies a run holds must fit in the heap.
 */
final class TrainMemory {
    /** Copies of the parameter vector a run holds at once (model, last finite, average, checkpoint copies, exact buffers). */
    static final int PARAMETER_COPIES = 8;

    private TrainMemory() {
    }

    /** Exact evaluation of a lateral machine enumerates every joint state, 2^(visible + hidden) of them. */
    static void requireUnitLimit(TrainSettings s) {
        if (s.model().equals("lateral-bm")) {
            int max = ExactAnalysis.MAX_JOINT_UNITS - s.visibleUnits();
            require(s.hidden() <= max, "hidden", s.hidden(), "1 <= value <= " + max + " with model lateral-bm on " + s.data()
                    + " (exact evaluation enumerates all " + ExactAnalysis.MAX_JOINT_UNITS + " units)");
        }
    }

    /** Refuses a model whose parameter copies cannot fit in {@code heapBytes}, before any array is allocated. */
    static void requireMemory(TrainSettings s, long heapBytes) {
        long maxHidden = maxHidden(s, heapBytes);
        if (s.hidden() > maxHidden) {
            throw new InvalidSetting("hidden", s.hidden(), "1 <= value <= " + maxHidden + " with " + s.visibleUnits()
                    + " visible units: a run holds about " + PARAMETER_COPIES + " copies of its parameters, "
                    + gigabytes(bytes(s, s.hidden())) + " GB here, and this JVM may use " + gigabytes(heapBytes)
                    + " GB (java -Xmx)");
        }
    }

    /** Bytes of the parameter copies for {@code h} hidden units (saturating; a Java array holds < 2^31 values). */
    static double bytes(TrainSettings s, long h) {
        double nv = s.visibleUnits();
        double params = nv * h + nv + h + (s.model().equals("lateral-bm") ? h * (h - 1) / 2.0 : 0);
        return params >= Integer.MAX_VALUE - 8 ? Double.POSITIVE_INFINITY : 8.0 * PARAMETER_COPIES * params;
    }

    static long maxHidden(TrainSettings s, long heapBytes) {
        long lo = 0;
        long hi = Integer.MAX_VALUE;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (bytes(s, mid) <= heapBytes) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static String gigabytes(double bytes) {
        return Double.isInfinite(bytes) ? "more than 2^31 values, i.e. more than any Java array holds:"
                : String.format(Locale.ROOT, "%.1f", bytes / (1L << 30));
    }
}
