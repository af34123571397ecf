package org.flexphase.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.plots.Charts;
import org.flexphase.runs.RunFiles;
import org.flexphase.tables.Histories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FiguresTest {

    static Table nllVsSteps() {
        Table t = Table.create("bas_nll_vs_steps", StringColumn.create("mode"), DoubleColumn.create("step"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                DoubleColumn.create("mean_avg"), DoubleColumn.create("min_avg"), DoubleColumn.create("max_avg"));
        for (String mode : new String[]{"local", "exact"}) {
            for (int step = 0; step <= 4; step++) {
                double v = 11 - step - (mode.equals("exact") ? 1 : 0);
                t.stringColumn("mode").append(mode);
                t.doubleColumn("step").append(step * 250_000);
                t.doubleColumn("mean").append(v);
                t.doubleColumn("min").append(v - 0.5);
                t.doubleColumn("max").append(v + 0.5);
                t.doubleColumn("mean_avg").append(v - 0.1);
                t.doubleColumn("min_avg").append(v - 0.3);
                t.doubleColumn("max_avg").append(v + 0.2);
            }
        }
        return t;
    }

    @Test
    void aFigureRedrawnFromItsCsvIsPixelIdenticalToTheOneTheCommandDrew(@TempDir Path dir) {
        Table written = nllVsSteps();
        RunFiles.writeCsv(written, dir.resolve("bas_nll_vs_steps.csv"));
        Table read = Histories.read(dir.resolve("bas_nll_vs_steps.csv"));
        BufferedImage cli = Charts.image(Figures.basNllVsSteps(written));
        BufferedImage notebook = Charts.image(Figures.basNllVsSteps(read));
        assertEquals(cli.getWidth(), notebook.getWidth());
        for (int y = 0; y < cli.getHeight(); y++) {
            for (int x = 0; x < cli.getWidth(); x++) {
                assertEquals(cli.getRGB(x, y), notebook.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void basCurvesUseAveragedParametersExceptExactAscentAndShowTheOptimum() {
        XYChart c = Figures.basNllVsSteps(nllVsSteps());
        assertArrayEquals(new double[]{10.9, 9.9, 8.9, 7.9, 6.9}, c.getSeriesMap().get("local (averaged)").getYData(), 1e-12);
        assertArrayEquals(new double[]{10, 9, 8, 7, 6}, c.getSeriesMap().get("exact").getYData(), 1e-12);
        assertTrue(c.getSeriesMap().containsKey("local (averaged) (band)"));
        double optimum = DataDistribution.of(BarsAndStripes.published4x4()).entropy();
        assertEquals(optimum, Figures.BAS_OPTIMUM, 1e-12);
        assertEquals(optimum, c.getSeriesMap().get("optimum").getYData()[0], 1e-12);
    }
}
