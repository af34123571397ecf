package org.flexphase.experiments.rbmscale;

import org.flexphase.experiments.Experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.flexphase.sweeps.SweepSpec;
import tech.tablesaw.api.Table;

/**
 * Label-clamped MNIST RBMs at several sizes, every learning mode at equal Gibbs-step budgets
 * (docs/experiments.md, "MNIST RBMs at scale"): the sweep spec {@code docs/sweeps/mnist-rbm-scale.json} in the
 * {@code full} profile, a reduced one (64 hidden units, one seed, a quarter of the budget) in {@code quick}; figures
 * and tables by {@link RbmScaleFigures}. {@link #run} also writes the spec as {@code reproduce-spec.json}.
 */
public final class RbmScaleExperiment implements Experiment {
    private final String profile;

    /** The experiment of profile {@code quick} or {@code full}. */
    public RbmScaleExperiment(String profile) {
        if (!profile.equals("quick") && !profile.equals("full")) {
            throw new IllegalArgumentException("profile must be quick or full: " + profile);
        }
        this.profile = profile;
    }

    /** The profile's sweep spec, as shipped in the toolkit (the full one is docs/sweeps/mnist-rbm-scale.json). */
    public JsonNode spec() {
        String resource = "mnist-rbm-scale" + (profile.equals("quick") ? "-quick" : "") + ".json";
        try (InputStream in = RbmScaleExperiment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the toolkit jar lacks its resource " + resource);
            }
            return RunFiles.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the toolkit's resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Every run, validated. */
    public List<RunSpec> specs() {
        return SweepSpec.parse(spec());
    }

    @Override
    public String name() {
        return "mnist-rbm-scale";
    }

    @Override
    public List<Sweep.Job> jobs() {
        return specs().stream().map(Sweep::job).toList();
    }

    @Override
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone) {
        List<RunSpec> specs = specs();
        RunFiles.writeJson(spec(), out.resolve("reproduce-spec.json"));
        Map<String, RunSpec> byKey = specs.stream().collect(Collectors.toMap(RunSpec::key, Function.identity(), (a, b) -> a));
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(specs.stream().map(Sweep::job).toList(), onDone);
        List<Sweep.Finished> finished = done.stream()
                .map(r -> new Sweep.Finished(byKey.get(r.job().key()), r.history(), r.skipped(), r.diverged())).toList();
        return RbmScaleFigures.write(finished, out);
    }
}
