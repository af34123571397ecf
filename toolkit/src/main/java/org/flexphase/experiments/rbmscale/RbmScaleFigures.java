package org.flexphase.experiments.rbmscale;

import org.flexphase.boltzmann.TrainingMode;

import org.flexphase.boltzmann.NegativeStart;

import static org.flexphase.util.InvalidSetting.label;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flexphase.plots.Charts;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.TableCharts;
import org.flexphase.runs.RunFiles;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.sweeps.SeedStats;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Figures and tables of label-clamped RBMs at several sizes (docs/experiments.md, "MNIST RBMs at scale"), from the
 * finished runs of a sweep: one row per run ({@code rbm_scale_runs.csv}); the best setting of every learning mode
 * at every size and budget, by final test error of the current or the averaged parameters, whichever is lower
 * ({@code rbm_scale_best.{csv,md}}, with the AIS test log-likelihood where the runs estimated it); its test error
 * against Gibbs steps, mean and min-max over seeds ({@code rbm_scale_error_vs_steps_h<H>.{png,csv}}); and the final
 * error of local learning (geometric phases) against the mean phase length 1/p and against b
 * ({@code rbm_scale_error_vs_p_h64}, {@code rbm_scale_error_vs_b_h64}; at every size where p or b varies).
 * Diverged runs are left out.
 */
public final class RbmScaleFigures {
    private RbmScaleFigures() {
    }

    /** Writes every table and figure into {@code out}, reading each run's summary from {@code out/runs/<key>/}. */
    public static Map<String, Table> write(List<Sweep.Finished> done, Path out) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Table runs = runs(done, out);
        if (runs.rowCount() == 0) {
            return tables;
        }
        RunFiles.writeCsv(runs, out.resolve("rbm_scale_runs.csv"));
        tables.put("rbm_scale_runs", runs);
        Table best = RbmScaleTables.best(runs);
        RunFiles.writeCsv(best, out.resolve("rbm_scale_best.csv"));
        RunFiles.writeText(RbmScaleTables.markdown(best), out.resolve("rbm_scale_best.md"));
        tables.put("rbm_scale_best", best);
        Map<String, Table> histories = new LinkedHashMap<>();
        done.forEach(f -> histories.put(f.spec().key(), f.history()));
        for (double h : best.doubleColumn("hidden").unique().asDoubleArray()) {
            Table t = RbmScaleTables.errorVsSteps(best.where(best.doubleColumn("hidden").isEqualTo(h)), runs, histories);
            String name = "rbm_scale_error_vs_steps_h" + (int) h;
            RunFiles.writeCsv(t.setName(name), out.resolve(name + ".csv"));
            Charts.savePng(TableCharts.bands(t, "step", "mean", "min", "max",
                    ChartOptions.titled("MNIST RBM 794x" + (int) h + ": test error vs Gibbs steps, best setting per mode")
                            .axes("Gibbs steps", "test error (log scale)").groupBy("mode").logY()), out.resolve(name + ".png"));
            tables.put(name, t);
        }
        for (double h : runs.doubleColumn("hidden").unique().asDoubleArray()) {
            tables.putAll(versus(runs, (int) h, "mean_phase_length", out, "rbm_scale_error_vs_p_h" + (int) h));
            tables.putAll(versus(runs, (int) h, "b", out, "rbm_scale_error_vs_b_h" + (int) h));
        }
        return tables;
    }

    /**
     * One row per finished, non-diverged labelled RBM run. A run that differs from another only in whether it
     * estimated the log-likelihood (same size, budget, setting and seed: the same training) is counted once, as
     * the one with the estimate, so a point of the p or b figure can share a seed with a table entry.
     */
    static Table runs(List<Sweep.Finished> done, Path out) {
        List<Sweep.Finished> unique = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Sweep.Finished f : done) {
            if (f.spec().settings() instanceof TrainSettings s && s.labelled()) {
                String id = s.hidden() + "|" + s.steps() + "|" + mode(s) + "|" + setting(s, true, true) + "|" + s.seed()
                        + "|" + s.evalSize() + "|" + s.evalEvery() + "|" + s.initSd() + "|" + s.binarise();
                Integer at = seen.get(id);
                if (at == null) {
                    seen.put(id, unique.size());
                    unique.add(f);
                } else if (s.estimatesLogLikelihood()) {
                    unique.set(at, f);
                }
            }
        }
        return table(unique, out);
    }

    private static Table table(List<Sweep.Finished> done, Path out) {
        Table t = Table.create("rbm_scale_runs", StringColumn.create("key"), DoubleColumn.create("hidden"),
                DoubleColumn.create("steps"), StringColumn.create("mode"), StringColumn.create("setting"),
                StringColumn.create("setting_but_p"), StringColumn.create("setting_but_b"),
                DoubleColumn.create("b"), DoubleColumn.create("mean_phase_length"), DoubleColumn.create("seed"));
        for (String m : RbmScaleTables.METRICS) {
            t.addColumns(DoubleColumn.create(m));
        }
        for (Sweep.Finished f : done) {
            Path summary = out.resolve("runs").resolve(f.spec().key()).resolve("summary.json");
            if (f.diverged() || !(f.spec().settings() instanceof TrainSettings s) || !s.labelled()
                    || !Files.exists(summary)) {
                continue;
            }
            JsonNode fin = RunFiles.readJson(summary).path("final");
            t.stringColumn("key").append(f.spec().key());
            t.doubleColumn("hidden").append(s.hidden());
            t.doubleColumn("steps").append(s.steps());
            t.stringColumn("mode").append(mode(s));
            t.stringColumn("setting").append(setting(s, true, true));
            t.stringColumn("setting_but_p").append(setting(s, false, true));
            t.stringColumn("setting_but_b").append(setting(s, true, false));
            t.doubleColumn("b").append(s.b());
            t.doubleColumn("mean_phase_length").append(mode(s).equals("local geometric") ? 1 / s.switchProb() : Double.NaN);
            t.doubleColumn("seed").append(s.seed());
            for (String m : RbmScaleTables.METRICS) {
                t.doubleColumn(m).append(fin.path(m).isNumber() ? fin.path(m).asDouble() : Double.NaN);
            }
        }
        return t;
    }

    /** The learning mode as the figures name it: cd-k, pcd-k, isd, local geometric, local renewal. */
    public static String mode(TrainSettings s) {
        return switch (s.mode()) {
            case STANDARD -> (s.negativeStart() == NegativeStart.PCD ? "pcd-" : "cd-") + s.cdK();
            case LOCAL -> s.renewal() ? "local renewal" : "local geometric";
            default -> label(s.mode());
        };
    }

    /** Everything but size, budget and seed that tells settings of one mode apart. */
    static String setting(TrainSettings s, boolean withP, boolean withB) {
        List<String> parts = new ArrayList<>();
        switch (s.mode()) {
            case ISD -> parts.add("T=" + s.phaseLength());
            case LOCAL -> {
                if (s.renewal()) {
                    parts.add("+" + s.plusLength() + " -" + s.minusLength());
                } else if (withP) {
                    parts.add("p=" + num(s.switchProb()));
                }
            }
            default -> { }
        }
        if (withB && s.mode() != TrainingMode.STANDARD) {
            parts.add("b=" + num(s.b()));
        }
        parts.add("lr=" + num(s.lr()));
        if (s.lrSchedule().equals("rm")) {
            parts.add("rm(tau=" + num(s.lrTau()) + ", kappa=" + num(s.lrKappa()) + ")");
        }
        if (s.mode() == TrainingMode.LOCAL && s.negativeStart() != NegativeStart.PERSISTENT) {
            parts.add(label(s.negativeStart()) + " negatives");
        }
        if (s.averageFrom() != TrainSettings.DEFAULTS.averageFrom()) {
            parts.add("average from " + s.averageFrom());
        }
        if (s.weightDecay() > 0) {
            parts.add("decay=" + num(s.weightDecay()));
        }
        return String.join(" ", parts);
    }

    /** {@code 2000000} as {@code 2e6}. */
    static String sci(double x) {
        int e = (int) Math.floor(Math.log10(x));
        return num(x / Math.pow(10, e)) + "e" + e;
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e7) {
            return String.valueOf((long) x);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", x)).stripTrailingZeros().toPlainString();
    }

    /** Final test error (current and averaged) of local geometric runs with {@code hidden} units against {@code x}. */
    private static Map<String, Table> versus(Table runs, int hidden, String x, Path out, String name) {
        Table local = runs.where(runs.stringColumn("mode").isEqualTo("local geometric")
                .and(runs.doubleColumn("hidden").isEqualTo(hidden)));
        if (local.rowCount() == 0) {
            return Map.of();
        }
        double budget = local.doubleColumn("steps").max();
        local = local.where(local.doubleColumn("steps").isEqualTo(budget));
        String other = x.equals("b") ? "setting_but_b" : "setting_but_p";
        Table points = Table.create("points", StringColumn.create("curve"), DoubleColumn.create(x),
                DoubleColumn.create("test_error"));
        for (String which : List.of("test_error", "test_error_avg")) {
            for (int r = 0; r < local.rowCount(); r++) {
                points.stringColumn("curve").append(local.stringColumn(other).get(r)
                        + (which.endsWith("_avg") ? " (averaged)" : ""));
                points.doubleColumn(x).append(local.doubleColumn(x).getDouble(r));
                points.doubleColumn("test_error").append(local.doubleColumn(which).getDouble(r));
            }
        }
        Table t = SeedStats.summarize(points, "test_error", "curve", x);
        // Only settings that vary x make a curve.
        List<String> curves = t.stringColumn("curve").unique().asList().stream()
                .filter(c -> t.where(t.stringColumn("curve").isEqualTo(c)).rowCount() > 1).toList();
        Table drawn = t.where(t.stringColumn("curve").isIn(curves)).setName(name);
        if (drawn.rowCount() == 0) {
            return Map.of();
        }
        RunFiles.writeCsv(drawn, out.resolve(name + ".csv"));
        String label = x.equals("b") ? "b" : "mean phase length 1/p";
        ChartOptions o = ChartOptions.titled("MNIST RBM 794x" + hidden + ", local: final test error vs "
                + (x.equals("b") ? "b" : "1/p") + ", " + sci(budget) + " Gibbs steps")
                .axes(label, "final test error (2,000 digits)").groupBy("curve");
        Charts.savePng(TableCharts.bands(drawn, x, "mean", "min", "max", x.equals("b") ? o : o.logX()),
                out.resolve(name + ".png"));
        return Map.of(name, drawn);
    }
}
