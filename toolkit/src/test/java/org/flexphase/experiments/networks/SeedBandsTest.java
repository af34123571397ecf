package org.flexphase.experiments.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.flexphase.plots.Charts;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Seed bands: the statistics, the per-seed values in seed order, runs that reached nothing, and curve bands. */
class SeedBandsTest {
    @Test
    void bandsGroupByKeyAndListTheSeedsInOrder() {
        Table runs = Table.create("runs", StringColumn.create("scheme", "a", "b", "a", "a", "b"),
                IntColumn.create("seed", 3, 1, 1, 2, 2), DoubleColumn.create("v", 4.0, 10.0, 1.0, 2.5, Double.NaN));
        Table t = SeedBands.bands("t", runs, "v", "scheme");
        assertEquals(List.of("a", "b"), t.stringColumn("scheme").asList());
        assertEquals(3, t.intColumn("seeds").get(0));
        assertEquals(2.5, t.doubleColumn("mean").get(0), 1e-15);
        assertEquals(1.5, t.doubleColumn("sd").get(0), 1e-15, "sample sd of 1, 2.5, 4");
        assertEquals(1.0, t.doubleColumn("min").get(0));
        assertEquals(4.0, t.doubleColumn("max").get(0));
        assertEquals("1.00; 2.50; 4.00", t.stringColumn("per_seed").get(0), "seed order, not row order");
        assertEquals(1, t.intColumn("missing").get(1));
        assertEquals(10.0, t.doubleColumn("mean").get(1), 0, "a NaN (not reached) is left out of the mean");
        assertEquals("10.0; -", t.stringColumn("per_seed").get(1));
    }

    @Test
    void curveBandsAreMeanMinAndMaxUpToTheShortestSeed() {
        Charts.Curve c = SeedBands.band("s", List.of(new double[]{0, 1, 2}, new double[]{0, 1}),
                List.of(new double[]{1, 0.5, 0.1}, new double[]{1, 0.3}));
        assertEquals("s (2 seeds)", c.name());
        assertArrayEquals(new double[]{0, 1}, c.x());
        assertArrayEquals(new double[]{1, 0.4}, c.y(), 1e-15);
        assertArrayEquals(new double[]{1, 0.3}, c.low());
        assertArrayEquals(new double[]{1, 0.5}, c.high());
        assertThrows(IllegalArgumentException.class, () -> SeedBands.band("s", List.of(), List.of()));
    }
}
