package org.flexphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.flexphase.experiments.BasExperiment;
import org.flexphase.experiments.BasProfile;
import org.flexphase.experiments.Experiment;
import org.flexphase.experiments.MnistExperiment;
import org.flexphase.experiments.MnistProfile;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code reproduce}: regenerates the paper's figures as PNG with CSV tables, resuming finished runs. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Regenerate the paper's figures (PNG) and tables (CSV). Finished runs are kept and skipped on a re-run.")
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick", description = "quick (minutes on 2 cores) | full (paper-sized)")
    String profile;
    @Option(names = "--out", defaultValue = "results", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0: all cores)")
    int threads;
    @Option(names = "--skip-mnist", description = "only the Bars-and-Stripes figures")
    boolean skipMnist;
    @Option(names = "--ff-protocols-only", description = "only the Forward-Forward protocol comparison (standard and isd, paired vs published negatives and weights) at the profile's epochs and seeds; full includes it")
    boolean ffProtocolsOnly;
    @Option(names = "--networks", description = "only the physical-network experiments (coupled learning in resistor networks of 64, 512 and 2,048 nodes, Iris, the exact bias and the final cost of 14-node flexible-phase learning against p / r); a few minutes on 2 cores, in neither profile")
    boolean networks;

    @Override
    public Integer call() {
        OutputFolder.check(spec, out);
        if (!profile.equals("quick") && !profile.equals("full")) {
            throw Options.bad(spec, "--profile", profile, "quick | full");
        }
        Options.atLeast(spec, "--threads", threads, 0);
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (ffProtocolsOnly && skipMnist) {
            throw Options.bad(spec, "--ff-protocols-only", "with --skip-mnist", "one of the two");
        }
        long start = System.nanoTime();
        List<Experiment> experiments = new ArrayList<>();
        if (networks) {
            experiments.add(new org.flexphase.experiments.NetworkExperiment());
        } else if (!ffProtocolsOnly) {
            experiments.add(new BasExperiment(BasProfile.of(profile)));
        }
        if (!skipMnist && !networks) {
            experiments.add(new MnistExperiment(MnistProfile.of(profile), ffProtocolsOnly));
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger resumed = new AtomicInteger();
        AtomicInteger diverged = new AtomicInteger();
        for (Experiment experiment : experiments) {
            try (Progress progress = Progress.of(experiment.name().toUpperCase() + " runs", experiment.jobs().size())) {
                tables.putAll(experiment.run(out.resolve(experiment.name()), workers,
                        f -> count(f, runs, resumed, diverged, progress)));
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        RunFiles.writeJson(Map.of("profile", profile, "threads", workers, "wall_seconds", wall, "runs", runs.get(),
                "runs_already_done", resumed.get(), "runs_diverged", diverged.get(), "tables", tables.keySet()),
                out.resolve("reproduce.json"));
        System.out.printf("reproduce %s: %d runs (%d already done, skipped), %d tables and figures in %s (%.1f s)%n",
                networks ? "--networks" : "--profile " + profile, runs.get(), resumed.get(), tables.size(), out, wall);
        if (diverged.get() > 0) {
            // The figures are drawn from the runs' last finite results, but a diverged run is a finding the caller
            // must not miss: exit 1 as a diverged train run does.
            System.err.printf("%d run(s) diverged (NaN/Inf) and stopped early; their summary.json says where "
                    + "(\"diverged\": true). The figures use their last finite results.%n", diverged.get());
            return 1;
        }
        return 0;
    }

    /** Counts a finished run (whether it was found already done, whether it diverged) and advances the progress bar. */
    private static void count(Sweep.JobResult result, AtomicInteger runs,
                              AtomicInteger resumed,
                              AtomicInteger diverged, Progress progress) {
        runs.incrementAndGet();
        if (result.skipped()) {
            resumed.incrementAndGet();
        }
        if (result.diverged()) {
            diverged.incrementAndGet();
        }
        progress.step(1);
    }
}
