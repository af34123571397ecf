package org.flexphase.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableChartsTest {

    /** Two modes, three seeds each, at steps 0 and 10: y = seed + step + (mode b ? 100 : 0). */
    static Table runs() {
        Table t = Table.create("runs", StringColumn.create("mode"), LongColumn.create("seed"), LongColumn.create("step"),
                DoubleColumn.create("y"));
        for (String mode : List.of("a", "b")) {
            for (long seed = 1; seed <= 3; seed++) {
                for (long step : new long[]{10, 0}) {
                    t.stringColumn("mode").append(mode);
                    t.longColumn("seed").append(seed);
                    t.longColumn("step").append(step);
                    t.doubleColumn("y").append(seed + step + (mode.equals("b") ? 100 : 0));
                }
            }
        }
        return t;
    }

    @Test
    void groupedSeedsBecomeTheirMeanWithAFilledMinMaxPolygon() {
        XYChart c = TableCharts.line(runs(), "step", "y", ChartOptions.titled("t").groupBy("mode").reference("ref", 50));
        XYSeries a = c.getSeriesMap().get("a");
        assertArrayEquals(new double[]{0, 10}, a.getXData());
        assertArrayEquals(new double[]{2, 12}, a.getYData(), 1e-12);
        XYSeries band = c.getSeriesMap().get("a (band)");
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        assertArrayEquals(new double[]{0, 10, 10, 0}, band.getXData());
        assertArrayEquals(new double[]{3, 13, 11, 1}, band.getYData(), 1e-12, "high edge forward, low edge back");
        assertFalse(band.isShowInLegend());
        assertArrayEquals(new double[]{102, 112}, c.getSeriesMap().get("b").getYData(), 1e-12);
        assertArrayEquals(new double[]{50, 50}, c.getSeriesMap().get("ref").getYData());
    }

    @Test
    void percentileBandsInterpolateAndNoBandDrawsOnlyTheMean() {
        assertEquals(2.0, TableCharts.percentile(new double[]{1, 2, 3, 4, 5}, 25), 1e-12);
        assertEquals(1.4, TableCharts.percentile(new double[]{1, 2, 3, 4, 5}, 10), 1e-12);
        XYChart p = TableCharts.line(runs(), "step", "y",
                ChartOptions.titled("t").groupBy("mode").band(ChartOptions.Band.percentiles(25, 75)));
        assertArrayEquals(new double[]{2.5, 12.5, 11.5, 1.5}, p.getSeriesMap().get("a (band)").getYData(), 1e-12);
        XYChart none = TableCharts.line(runs(), "step", "y", ChartOptions.titled("t").groupBy("mode").band(ChartOptions.Band.NONE));
        assertEquals(List.of("a", "b"), new ArrayList<>(none.getSeriesMap().keySet()));
        assertThrows(IllegalArgumentException.class, () -> ChartOptions.Band.percentiles(80, 20));
    }

    @Test
    void optionsSetLogAxesAndLegendNamesAndBadColumnsAreNamed() {
        XYChart c = TableCharts.line(runs(), "step", List.of("y", "seed"),
                ChartOptions.titled("t").logY().label("y", "why").band(ChartOptions.Band.NONE));
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertFalse(c.getStyler().isXAxisLogarithmic());
        assertTrue(c.getSeriesMap().containsKey("why"));
        assertTrue(c.getSeriesMap().containsKey("seed"));
        var e = assertThrows(IllegalArgumentException.class, () -> TableCharts.line(runs(), "step", "nll", ChartOptions.titled("t")));
        assertTrue(e.getMessage().contains("'nll'"), e.getMessage());
    }

    @Test
    void summaryTablesDrawTheirOwnMeanAndEdges() {
        Table s = Table.create("s", StringColumn.create("mode", "x", "x"), DoubleColumn.create("step", 5, 1),
                DoubleColumn.create("mean", 2, 1), DoubleColumn.create("min", 1, 0), DoubleColumn.create("max", 4, 3));
        XYChart c = TableCharts.bands(s, "step", "mean", "min", "max", ChartOptions.titled("t").groupBy("mode"));
        assertArrayEquals(new double[]{1, 5}, c.getSeriesMap().get("x").getXData());
        assertArrayEquals(new double[]{3, 4, 1, 0}, c.getSeriesMap().get("x (band)").getYData(), 1e-12);
    }

    @Test
    void numericGroupsAreSortedAndNamedByTheirColumn() {
        Table t = Table.create("t", DoubleColumn.create("b", 0.5, 0.1, 0.5, 0.1), DoubleColumn.create("step", 0, 0, 1, 1),
                DoubleColumn.create("y", 1, 2, 3, 4));
        XYChart c = TableCharts.line(t, "step", "y", ChartOptions.titled("t").groupBy("b").band(ChartOptions.Band.NONE));
        assertEquals(List.of("b = 0.1", "b = 0.5"), new ArrayList<>(c.getSeriesMap().keySet()));
        assertArrayEquals(new double[]{2, 4}, c.getSeriesMap().get("b = 0.1").getYData(), 1e-12);
    }
}
