package org.flexphase.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.runs.BoltzmannRun;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class HistoriesTest {
    static final double[][] ROWS = BarsAndStripes.published4x4();

    static TrainSettings config(long seed) {
        return TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withB(0.5).withSwitchProb(0.05)
                .withLr(1e-4).withSteps(20_000).withEvalEvery(5_000).withSeed(seed);
    }

    @Test
    void recorderOnTheTrainerHasTheColumnsAndValuesOfTheRunsHistoryCsv(@TempDir Path dir) {
        BoltzmannHistory recorder = Histories.boltzmann(DataDistribution.of(ROWS));
        var result = new BoltzmannTrainer(config(3)).train(Rbm.randomized(16, 8, 0.01, Rngs.create(3)), ROWS, recorder);
        new BoltzmannRun("bas4", ROWS).run(Rbm.randomized(16, 8, 0.01, Rngs.create(3)), config(3), dir);
        Table written = Histories.read(dir.resolve("history.csv"));
        Table recorded = recorder.table();
        assertEquals(written.columnNames(), recorded.columnNames());
        assertEquals(5, recorded.rowCount(), "checkpoints at 0, 5k, 10k, 15k, 20k");
        for (String c : recorded.columnNames()) {
            assertEquals(recorded.column(c).type(), written.column(c).type(), c);
            assertArrayEquals(recorded.numberColumn(c).asDoubleArray(), written.numberColumn(c).asDoubleArray(), 1e-12, c);
        }
        double last = ExactAnalysis.metrics(result.averaged(), DataDistribution.of(ROWS)).nllPerRow();
        assertEquals(last, recorded.doubleColumn("nll_per_row_avg").get(4), 1e-12);
    }

    @Test
    void stackPutsKeyConfigurationAndSeedBeforeEveryHistoryRow() {
        var run = new BoltzmannRun("bas4", ROWS);
        var a = run.run(Rbm.randomized(16, 8, 0.01, Rngs.create(1)), config(1), null);
        var b = run.run(Rbm.randomized(16, 8, 0.01, Rngs.create(2)), config(2), null);
        Table t = Histories.stack(List.of(a.asRun("first"), b.asRun("second")));
        assertEquals(a.history().rowCount() + b.history().rowCount(), t.rowCount());
        assertEquals("key", t.columnNames().get(0));
        assertTrue(t.columnNames().containsAll(List.of("mode", "b", "switch_prob", "seed", "step", "nll_per_row_avg")));
        assertTrue(t.columnNames().contains("config_seed"), "the configuration's own seed is kept under another name");
        assertEquals(ColumnType.STRING, t.column("mode").type());
        assertEquals(ColumnType.DOUBLE, t.column("b").type());
        assertEquals(2L, t.longColumn("seed").get(t.rowCount() - 1));
        assertEquals("first", t.stringColumn("key").get(0));
        assertArrayEquals(b.history().doubleColumn("nll_per_row").asDoubleArray(),
                t.where(t.stringColumn("key").isEqualTo("second")).doubleColumn("nll_per_row").asDoubleArray());
    }

    @Test
    void settingsMissingInSomeRunsAreMissingValuesAndMixedTypesBecomeText() {
        Table h = Table.create("h", LongColumn.create("step", new long[]{0, 10}), DoubleColumn.create("loss", new double[]{2, 1}));
        Map<String, Object> c1 = new LinkedHashMap<>();
        c1.put("lr", 0.1);
        c1.put("width", 4);
        Map<String, Object> c2 = new LinkedHashMap<>();
        c2.put("lr", "rm(0.1)");
        Table t = Histories.stack(List.of(new Histories.Run("x", c1, 1, h), new Histories.Run("y", c2, 2, h)));
        assertEquals(ColumnType.STRING, t.column("lr").type());
        assertEquals("rm(0.1)", t.stringColumn("lr").get(3));
        assertEquals(4.0, t.doubleColumn("width").get(0));
        assertTrue(t.doubleColumn("width").isMissing(3));
        Table other = Table.create("h", LongColumn.create("step", new long[]{0}));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Histories.stack(List.of(new Histories.Run("x", c1, 1, h), new Histories.Run("z", c1, 1, other))));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
    }

    @Test
    void readNamesAMissingFile(@TempDir Path dir) throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> Histories.sweepSummary(dir));
        assertTrue(e.getMessage().contains("sweep_summary.csv"), e.getMessage());
        Files.writeString(dir.resolve("sweep_summary.csv"), "key,seed,nll_per_row_avg\nabc,3,3.6\n");
        Table t = Histories.sweepSummary(dir);
        assertEquals(ColumnType.LONG, t.column("seed").type());
        assertEquals("sweep_summary", t.name());
    }

    @Test
    void readRunsStacksEveryFinishedRunOfAnOutputFolder(@TempDir Path dir) throws Exception {
        var run = new BoltzmannRun("bas4", ROWS);
        run.run(Rbm.randomized(16, 8, 0.01, Rngs.create(1)), config(1), dir.resolve("runs/k1"));
        var second = run.run(Rbm.randomized(16, 8, 0.01, Rngs.create(2)), config(2), dir.resolve("runs/k2"));
        Files.createDirectories(dir.resolve("runs/unfinished"));
        Table t = Histories.readRuns(dir);
        assertEquals(10, t.rowCount());
        assertEquals(List.of("k1", "k2"), t.stringColumn("key").unique().asList().stream().sorted().toList());
        assertEquals("local", t.stringColumn("mode").get(0));
        assertEquals(0.05, t.doubleColumn("switch_prob").get(9), 0);
        Table k2 = t.where(t.stringColumn("key").isEqualTo("k2"));
        assertEquals(2L, k2.longColumn("seed").get(0));
        assertArrayEquals(second.history().doubleColumn("nll_per_row_avg").asDoubleArray(),
                k2.doubleColumn("nll_per_row_avg").asDoubleArray(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Histories.readRuns(dir.resolve("runs")));
    }
}
