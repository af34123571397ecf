package org.flexphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.flexphase.experiments.Experiment;
import org.flexphase.experiments.reproduce.Parts;
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
public final class ReproduceCommand implements Callable<Integer>, CheckedOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick", description = "quick (minutes on 2 cores) | full (paper-sized)")
    String profile;
    @Option(names = "--out", defaultValue = "results", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0: all cores)")
    int threads;
    @Option(names = "--parts", split = ",", defaultValue = Parts.PAPER,
            description = "which experiments, comma-separated: bas (the paper's BAS figures), mnist (the paper's MNIST "
                    + "RBM and Forward-Forward figures), rbm-scale (label-clamped RBMs of 16-256 hidden units), ep "
                    + "(Equilibrium Propagation on MNIST, T13's bias), networks (coupled learning in resistor networks of 14-2,048 "
                    + "nodes, Iris, the exact bias and the final cost against p / r; a few minutes) "
                    + "(default: ${DEFAULT-VALUE})")
    List<String> parts;
    @Option(names = "--extensions", description = "add the model families beyond the paper: --parts ep,networks")
    boolean extensions;
    @Option(names = "--skip-mnist", description = "leave out the MNIST parts (mnist, rbm-scale)")
    boolean skipMnist;
    @Option(names = "--ff-protocols-only", description = "only the Forward-Forward protocol comparison (standard and isd, paired vs published negatives and weights) at the profile's epochs and seeds; full includes it")
    boolean ffProtocolsOnly;

    @Override
    public void checkOptions() {
        chosen();
    }

    /** Checks every option and returns the parts to run, in the order of {@link Parts#ALL}. */
    private java.util.Set<Parts.Part> chosen() {
        Options.atLeast(spec, "--threads", threads, 0);
        OutputFolder.check(spec, out);
        if (!profile.equals("quick") && !profile.equals("full")) {
            throw Options.bad(spec, "--profile", profile, "quick | full");
        }
        if (ffProtocolsOnly && skipMnist) {
            throw Options.bad(spec, "--ff-protocols-only", "with --skip-mnist", "one of the two");
        }
        java.util.Set<Parts.Part> chosen = new java.util.LinkedHashSet<>();
        for (String name : parts) {
            Parts.Part part = Parts.named(name.strip());
            if (part == null) {
                throw Options.bad(spec, "--parts", name, Parts.names());
            }
            chosen.add(part);
        }
        if (extensions) {
            Parts.ALL.stream().filter(Parts.Part::extension).forEach(chosen::add);
        }
        if (skipMnist) {
            chosen.removeIf(Parts.Part::mnist);
        }
        if (ffProtocolsOnly) {
            // The comparison is a variant of the mnist part: any other part asked for would be dropped silently.
            boolean partsGiven = spec.commandLine().getParseResult().hasMatchedOption("--parts");
            if (extensions || partsGiven && chosen.stream().anyMatch(p -> p != Parts.MNIST)) {
                throw Options.bad(spec, "--ff-protocols-only", "with --parts " + String.join(",", parts)
                        + (extensions ? " --extensions" : ""), "alone, or with --parts mnist");
            }
            chosen.clear();
            chosen.add(Parts.MNIST);
        }
        if (chosen.isEmpty()) {
            throw Options.bad(spec, "--parts", String.join(",", parts) + (skipMnist ? " with --skip-mnist" : ""),
                    "at least one part to run: " + Parts.names());
        }
        return chosen;
    }

    @Override
    public Integer call() {
        java.util.Set<Parts.Part> chosen = chosen();
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        List<Experiment> experiments = new ArrayList<>();
        for (Parts.Part part : Parts.ALL) {
            if (chosen.contains(part)) {
                experiments.add(part.factory().of(profile, ffProtocolsOnly));
            }
        }
        long start = System.nanoTime();
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
        RunFiles.writeJson(Map.of("profile", profile, "parts", chosenNames(chosen), "threads", workers,
                "wall_seconds", wall, "runs", runs.get(), "runs_already_done", resumed.get(), "runs_diverged",
                diverged.get(), "tables", tables.keySet()), out.resolve("reproduce.json"));
        System.out.printf("reproduce --profile %s --parts %s: %d runs (%d already done, skipped), %d tables and figures "
                + "in %s (%.1f s)%n", profile, String.join(",", chosenNames(chosen)), runs.get(), resumed.get(),
                tables.size(), out, wall);
        if (diverged.get() > 0) {
            // The figures are drawn from the runs' last finite results, but a diverged run is a finding the caller
            // must not miss: exit 1 as a diverged train run does.
            System.err.printf("%d run(s) diverged (NaN/Inf) and stopped early; their summary.json says where "
                    + "(\"diverged\": true). The figures use their last finite results.%n", diverged.get());
            return 1;
        }
        return 0;
    }

    /** The chosen parts' names in the order the user gave them (as reproduce.json and the last line have shown). */
    private static List<String> chosenNames(java.util.Set<Parts.Part> chosen) {
        return chosen.stream().map(Parts.Part::name).toList();
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
