package org.flexphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.flexphase.experiments.rbmscale.RbmScaleFigures;
import org.flexphase.runs.RunFiles;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.flexphase.sweeps.SweepFigures;
import org.flexphase.sweeps.SweepSpec;
import org.flexphase.sweeps.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code sweep}: runs a JSON sweep spec on all local cores, resumably, optionally one shard of it. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every configuration x seed of a JSON sweep spec; finished runs are skipped on a re-run.")
public final class SweepCommand implements Callable<Integer>, CheckedOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, description = "sweep spec (JSON)")
    Path specFile;
    @Option(names = "--out", required = true, description = "output folder")
    Path out;
    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0: all cores)")
    int threads;
    @Option(names = "--shard", defaultValue = "0/1", description = "I/N: run only the I-th of N disjoint parts (by key), e.g. for job arrays")
    String shard;

    /** Checks --out, --shard and --threads, then reads and validates the spec; returns the shard as {I, N}. */
    private int[] checked() {
        Options.atLeast(spec, "--threads", threads, 0);
        String[] parts = shard.split("/");
        int index;
        int count;
        try {
            index = Integer.parseInt(parts[0]);
            count = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw Options.bad(spec, "--shard", shard, "I/N with 0 <= I < N");
        }
        if (parts.length != 2 || count < 1 || index < 0 || index >= count) {
            throw Options.bad(spec, "--shard", shard, "I/N with 0 <= I < N");
        }
        OutputFolder.check(spec, out);
        if (specFile.toString().isBlank() || !java.nio.file.Files.isRegularFile(specFile)) {
            throw Options.bad(spec, "--spec", "\"" + specFile + "\"", "an existing sweep spec file (JSON); it is "
                    + (java.nio.file.Files.isDirectory(specFile) ? "a folder" : "missing"));
        }
        return new int[]{index, count};
    }

    @Override
    public void checkOptions() {
        checked();
        SweepSpec.read(specFile);
    }

    @Override
    public Integer call() {
        int[] shardOf = checked();
        int index = shardOf[0];
        int count = shardOf[1];
        List<RunSpec> all = SweepSpec.read(specFile);
        List<RunSpec> mine = new ArrayList<>();
        List<RunSpec> byKey = new ArrayList<>(all);
        byKey.sort(Comparator.comparing(RunSpec::key));
        for (int k = 0; k < byKey.size(); k++) {
            if (k % count == index) {
                mine.add(byKey.get(k));
            }
        }
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        long start = System.nanoTime();
        List<Sweep.Finished> done;
        try (Progress progress = Progress.of("sweep runs", mine.size())) {
            done = new Sweep(out, workers).run(mine, f -> progress.step(1));
        }
        Table summary = SweepSummary.of(done, out);
        String name = count == 1 ? "sweep_summary.csv" : "sweep_summary_shard" + index + "of" + count + ".csv";
        Sweep.withSummaryLock(out, () -> {
            RunFiles.writeCsv(summary, out.resolve(name));
            if (count == 1) {
                SweepFigures.draw(summary, out);
                if (done.stream().anyMatch(f -> f.spec().settings() instanceof TrainSettings t && t.labelled())) {
                    RbmScaleFigures.write(done.stream().filter(f -> !f.failed()).toList(), out);
                }
            }
        });
        return SweepSummary.report(done, name, (System.nanoTime() - start) / 1e9, out.resolve(name));
    }
}
