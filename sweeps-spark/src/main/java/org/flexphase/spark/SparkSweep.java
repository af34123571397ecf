package org.flexphase.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.flexphase.sweeps.SweepFigures;
import org.flexphase.sweeps.SweepSpec;
import org.flexphase.sweeps.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import tech.tablesaw.api.Table;

/**
 * Runs a flexphase sweep spec on Apache Spark: one task per run. The spec's text travels to the executors, each
 * task re-reads it and runs its own run with the toolkit's {@link Sweep#runOrLoad}, which writes
 * {@code runs/<key>/} exactly as the local runner does (same key, same files, same numbers: randomness comes from
 * the run's seed only, never from the task, partition or thread). The output folder must be visible to the driver
 * and every executor (a shared filesystem path). Finished runs are skipped, so a re-run resumes; a run that throws
 * is retried by Spark while attempts remain and is then reported by key while the other runs complete.
 *
 * <pre>
 * spark-submit --class org.flexphase.spark.SparkSweep --master spark://host:7077 flexphase-spark.jar \
 *     --spec sweep.json --out /shared/results
 * java @docs/spark-java17.args -cp "flexphase-spark.jar:$SPARK_HOME/jars/*" org.flexphase.spark.SparkSweep \
 *     --spec sweep.json --out results        # embedded, --master local[*] by default
 * </pre>
 */
@Command(name = "flexphase-spark", mixinStandardHelpOptions = true,
        description = "Run a flexphase sweep spec on Spark, one task per run; results as the local 'sweep' writes them.")
public final class SparkSweep implements Callable<Integer> {
    @Option(names = "--spec", required = true, description = "sweep spec (JSON), the same file 'flexphase sweep' reads")
    Path specFile;
    @Option(names = "--out", required = true,
            description = "output folder: a path on a filesystem shared by driver and executors, or a Hadoop URI (hdfs://, s3a://, file://)")
    String out;
    @Option(names = "--master", defaultValue = "local[*]",
            description = "Spark master when spark-submit did not set one (default: ${DEFAULT-VALUE})")
    String master;

    /** What became of one run: skipped as already done, diverged (its summary says so), or failed with an error. */
    public record Outcome(String key, String group, boolean skipped, boolean diverged, String error)
            implements Serializable {
        public boolean failed() {
            return error != null;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkSweep()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        String specJson = Files.readString(specFile);
        SweepSpec.read(specFile); // every run validated on the driver before any task starts, naming the file
        SparkConf conf = new SparkConf().setAppName("flexphase sweep " + specFile.getFileName());
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        long start = System.nanoTime();
        List<Outcome> outcomes;
        String where;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            if (RunStore.isUri(out)) {
                outcomes = runOnStore(sc, specJson, out);
                where = RunStore.publishSummary(out, specJson, outcomes, sc.hadoopConfiguration());
            } else {
                Path dir = Path.of(out);
                outcomes = run(sc, specJson, dir);
                where = writeSummary(specJson, dir, outcomes).get(0).toString();
            }
        }
        long failed = outcomes.stream().filter(Outcome::failed).count();
        long skipped = outcomes.stream().filter(Outcome::skipped).count();
        long diverged = outcomes.stream().filter(Outcome::diverged).count();
        for (Outcome o : outcomes) {
            if (o.failed()) {
                System.err.println("flexphase-spark: run " + o.key() + " (" + o.group() + ") failed: " + o.error());
            }
            if (o.diverged()) {
                System.err.println("flexphase-spark: run " + o.key() + " (" + o.group()
                        + ") diverged; it is marked in sweep_summary.csv and left out of the figures");
            }
        }
        System.out.printf("flexphase-spark: %d runs (%d already done, %d failed) in %.1f s -> %s%n", outcomes.size(),
                skipped, failed, (System.nanoTime() - start) / 1e9, where);
        return failed == 0 && diverged == 0 ? 0 : 1;
    }

    /** Runs every run of the spec as one Spark task each and returns their outcomes in spec order. */
    public static List<Outcome> run(JavaSparkContext sc, String specJson, Path out) {
        int n = parse(specJson).size();
        int attempts = maxAttempts(sc.getConf());
        String dir = out.toAbsolutePath().toString();
        new Sweep(out, 1).removeLeftovers(); // working folders of killed executors (each key's is also cleaned before it runs)
        List<Integer> indices = IntStream.range(0, n).boxed().toList();
        return sc.parallelize(indices, Math.max(1, n)).map(i -> runTask(specJson, dir, i, attempts)).collect();
    }

    /**
     * Runs every run as one task into a Hadoop filesystem URI: each task runs into a local temporary folder and
     * publishes the finished run folder with one rename, so a retried or killed task never leaves a half-written
     * run under its key; a run whose {@code summary.json} exists under the URI is skipped.
     */
    public static List<Outcome> runOnStore(JavaSparkContext sc, String specJson, String uri) {
        int n = parse(specJson).size();
        int attempts = maxAttempts(sc.getConf());
        var hadoop = new org.apache.spark.util.SerializableConfiguration(sc.hadoopConfiguration());
        List<Integer> indices = IntStream.range(0, n).boxed().toList();
        return sc.parallelize(indices, Math.max(1, n))
                .map(i -> runTaskOnStore(specJson, uri, i, attempts, hadoop.value())).collect();
    }

    static Outcome runTaskOnStore(String specJson, String uri, int index, int attempts,
                                  org.apache.hadoop.conf.Configuration hadoop) {
        RunSpec spec = parse(specJson).get(index);
        try {
            RunStore store = new RunStore(uri, hadoop);
            if (store.finished(spec.key())) {
                return new Outcome(spec.key(), spec.group(), true, store.diverged(spec.key()), null);
            }
            Path local = Files.createTempDirectory("flexphase-run-");
            boolean diverged;
            try {
                diverged = new Sweep(local, 1).runOrLoad(spec).diverged();
                store.publish(spec.key(), local.resolve("runs").resolve(spec.key()));
            } finally {
                RunStore.deleteLocal(local);
            }
            return new Outcome(spec.key(), spec.group(), false, diverged, null);
        } catch (IOException e) {
            return failure(spec, new java.io.UncheckedIOException(e), attempts);
        } catch (RuntimeException e) {
            return failure(spec, e, attempts);
        }
    }

    /** One task: run {@code index} of the spec; rethrow while Spark has attempts left, then report the failure. */
    static Outcome runTask(String specJson, String out, int index, int attempts) {
        RunSpec spec = parse(specJson).get(index);
        try {
            Sweep.Finished f = new Sweep(Path.of(out), 1).runOrLoad(spec);
            return new Outcome(spec.key(), spec.group(), f.skipped(), f.diverged(), null);
        } catch (RuntimeException e) {
            return failure(spec, e, attempts);
        }
    }

    /** Rethrows while Spark has attempts left for this task, so it retries; on the last attempt, reports. */
    static Outcome failure(RunSpec spec, RuntimeException e, int attempts) {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() + 1 < attempts) {
            throw e;
        }
        return new Outcome(spec.key(), spec.group(), false, false, e.toString());
    }

    /**
     * Attempts per task: {@code local[N,F]} gives F; a cluster master (and {@code local-cluster[...]}, whose
     * executors are separate JVMs) uses {@code spark.task.maxFailures}.
     */
    static int maxAttempts(SparkConf conf) {
        String m = conf.get("spark.master", "local");
        if (m.equals("local") || m.startsWith("local[")) {
            int comma = m.indexOf(',');
            return comma < 0 ? 1 : Integer.parseInt(m.substring(comma + 1, m.length() - 1).strip());
        }
        return conf.getInt("spark.task.maxFailures", 4);
    }

    static List<RunSpec> parse(String specJson) {
        return SweepSpec.parse(specJson, "sweep spec");
    }

    /**
     * Writes the local runner's summary table ({@code sweep_summary.csv}, first in the returned list) and the
     * figures drawn from it into {@code out}, from the finished runs under {@code out/runs}.
     */
    static List<Path> writeSummary(String specJson, Path out, List<Outcome> outcomes) {
        List<RunSpec> specs = parse(specJson);
        List<Sweep.Finished> done = new ArrayList<>();
        Sweep reader = new Sweep(out, 1);
        for (int k = 0; k < specs.size(); k++) {
            if (!outcomes.get(k).failed()) {
                done.add(reader.runOrLoad(specs.get(k)));
            }
        }
        Table summary = SweepSummary.of(done, out);
        List<Path> written = new ArrayList<>();
        written.add(out.resolve("sweep_summary.csv"));
        RunFiles.writeCsv(summary, written.get(0));
        for (String name : SweepFigures.draw(summary, out).keySet()) {
            written.add(out.resolve(name + ".csv"));
            written.add(out.resolve(name + ".png"));
        }
        return written;
    }
}
