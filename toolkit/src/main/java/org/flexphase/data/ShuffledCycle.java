package org.flexphase.data;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * Cycles through the indices {@code 0..n-1} in random order, reshuffling (Fisher–Yates) at the start of every
 * pass, so each new positive phase clamps the next example and every example is used once per pass.
 * Consumes {@code n - 1} {@code nextInt} calls at the start of each pass and none otherwise.
 *
 * <pre>{@code
 * ShuffledCycle cycle = new ShuffledCycle(rows.length);
 * double[] next = rows[cycle.next(rng)];
 * }</pre>
 */
public final class ShuffledCycle {
    private final int[] order;
    private int position;

    /** A cycle over indices {@code 0..n-1}. */
    public ShuffledCycle(int n) {
        Checks.requireAtLeast(n, 1, "n");
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.position = n;
    }

    /** The next index of the cycle. */
    public int next(RandomGenerator rng) {
        if (position == order.length) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            position = 0;
        }
        return order[position++];
    }
}
