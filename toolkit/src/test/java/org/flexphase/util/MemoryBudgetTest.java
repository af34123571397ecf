package org.flexphase.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Saturating size arithmetic and the bisection that names the largest value that fits. */
class MemoryBudgetTest {
    @Test
    void productsAndSumsSaturateInsteadOfOverflowing() {
        assertEquals(MemoryBudget.TOO_LARGE, MemoryBudget.times(Integer.MAX_VALUE, Long.MAX_VALUE / 2));
        assertEquals(MemoryBudget.TOO_LARGE, MemoryBudget.plus(Long.MAX_VALUE - 1, 2));
        assertEquals(MemoryBudget.TOO_LARGE, MemoryBudget.doubles((long) Integer.MAX_VALUE));
        assertEquals(MemoryBudget.TOO_LARGE, MemoryBudget.times(-1, 5));
        assertEquals(16 + 8 * 1000, MemoryBudget.doubles(1000));
        assertEquals(6L * 1_000_000_000L, MemoryBudget.times(6, 1_000_000_000L));
    }

    @Test
    void aValueBeyondTheHeapNamesTheLargestThatFitsTheBytesAndXmx() {
        long heap = 1L << 20;
        // 1 MiB of doubles holds (2^20 - 16) / 8 = 131070 of them.
        assertEquals(131_070, MemoryBudget.requireFits("n", 131_070, 1, MemoryBudget::doubles, "n doubles", heap));
        InvalidSetting e = assertThrows(InvalidSetting.class,
                () -> MemoryBudget.requireFits("n", 2_147_483_647L, 1, MemoryBudget::doubles, "n doubles", heap));
        assertEquals("n", e.key());
        assertTrue(e.allowed().startsWith("1 <= integer <= 131070 (n doubles needs more than any JVM holds"),
                e.allowed());
        assertTrue(e.allowed().contains("-Xmx") && e.allowed().contains("(1048576 bytes)"), e.allowed());
        InvalidSetting none = assertThrows(InvalidSetting.class,
                () -> MemoryBudget.requireFits("n", 5, 1, n -> heap + n, "n", heap));
        assertTrue(none.allowed().startsWith("none fits this heap"), none.allowed());
    }
}
