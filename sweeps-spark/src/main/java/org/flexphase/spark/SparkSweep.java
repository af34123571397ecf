package org.flexphase.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
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
 *
 * <p>Exit codes as the local {@code sweep}'s: 0 every run finished; 1 a run failed (after Spark's retries) or
 * diverged, each named by key; 2 bad options or spec (a missing, unreadable or invalid spec file, {@code --out} an
 * existing file, an unusable {@code --master}), reported in one line naming the file or option, before Spark starts.
 */
@Command(name = "flexphase-spark", mixinStandardHelpOptions = true,
        description = "Run a flexphase sweep spec on Spark, one task per run; results as the local 'sweep' writes them.")
public final class SparkSweep implements Callable<Integer> {
    @Spec
    CommandSpec command;

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
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line and returns its exit code instead of exiting (for tests): 2 with a one-line message on
     * {@code err} for bad options or a bad spec, 1 for a failed or diverged run or an error of Spark's, else 0.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SparkSweep()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) { // the spec: its message names the file and the problem
                commandLine.getErr().println("flexphase-spark: " + ex.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            commandLine.getErr().println("flexphase-spark: " + ex);
            return CommandLine.ExitCode.SOFTWARE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}, {@code local[*,F]}: N, F at least 1. */
    static final Pattern LOCAL = Pattern.compile("local(?:\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*([0-9]+)\\s*)?\\])?");
    static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*\\]");

    /** Checks the options before Spark starts; each failure exits 2 naming the option, the value and the problem. */
    private String validatedSpec() {
        String text;
        try {
            text = Files.readString(specFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sweep spec " + specFile + ": " + e, e);
        }
        SweepSpec.parse(text, "sweep spec " + specFile); // every run validated on the driver, naming the file
        checkOut();
        return text;
    }

    private void checkOut() {
        if (out.isBlank()) {
            throw bad("--out", "\"" + out + "\"", "a folder path or a Hadoop URI");
        }
        Path local = null;
        if (!RunStore.isUri(out)) {
            local = Path.of(out);
        } else if (out.startsWith("file:")) {
            try {
                local = Path.of(URI.create(out));
            } catch (RuntimeException e) {
                throw bad("--out", out, "a folder path or a Hadoop URI (" + e.getMessage() + ")");
            }
        }
        if (local != null && Files.exists(local) && !Files.isDirectory(local)) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Invalid value for option '--out': " + out + " is an existing file, not a folder");
        }
    }

    /** The master Spark will use: spark-submit's when it set one, else {@code --master}, checked when local. */
    private void checkMaster(SparkConf conf) {
        String m = conf.contains("spark.master") ? conf.get("spark.master") : master;
        String option = conf.contains("spark.master") ? "spark.master" : "--master";
        String allowed = "local, local[N], local[*], local[N,F], local[*,F] with N, F >= 1, local-cluster[N,C,M],"
                + " or a cluster master such as spark://HOST:7077, yarn, k8s://https://HOST:6443";
        if (m.isBlank()) {
            throw bad(option, "\"" + m + "\"", allowed);
        }
        if (m.startsWith("local")) {
            Matcher local = LOCAL.matcher(m);
            boolean ok = local.matches() && positive(local.group(1)) && positive(local.group(2));
            if (!ok && !LOCAL_CLUSTER.matcher(m).matches()) {
                throw bad(option, m, allowed);
            }
        } else if (!m.startsWith("spark://") && !clusterManagerFor(m)) {
            throw bad(option, m, allowed + " (yarn and k8s need Spark's yarn or kubernetes module on the class path)");
        }
    }

    /** Whether a cluster manager on the class path (Spark's yarn and kubernetes modules, plug-ins) takes {@code m}. */
    private static boolean clusterManagerFor(String m) {
        try {
            for (var manager : java.util.ServiceLoader.load(org.apache.spark.scheduler.ExternalClusterManager.class,
                    SparkSweep.class.getClassLoader())) {
                if (manager.canCreate(m)) {
                    return true;
                }
            }
            return false;
        } catch (java.util.ServiceConfigurationError e) {
            return true; // a broken plug-in: let Spark report it
        }
    }

    private static boolean positive(String count) {
        if (count == null || count.equals("*")) {
            return true;
        }
        try {
            return Integer.parseInt(count) >= 1;
        } catch (NumberFormatException e) {
            return false; // too large for an int
        }
    }

    private CommandLine.ParameterException bad(String option, Object value, String allowed) {
        return new CommandLine.ParameterException(command.commandLine(),
                "Invalid value for option '" + option + "': " + value + " (allowed: " + allowed + ")");
    }

    @Override
    public Integer call() throws IOException {
        String specJson = validatedSpec();
        SparkConf conf = new SparkConf().setAppName("flexphase sweep " + specFile.getFileName());
        checkMaster(conf);
        String masterOption = conf.contains("spark.master") ? "spark.master" : "--master";
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        long start = System.nanoTime();
        List<Outcome> outcomes;
        String where;
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf);
        } catch (Exception e) { // Spark's SparkException is checked in Java's eyes but thrown undeclared
            if (String.valueOf(e.getMessage()).contains("Master URL")) { // a cluster master Spark cannot parse
                throw bad(masterOption, conf.get("spark.master"),
                        "a master Spark knows: " + e.getMessage());
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
        }
        try (JavaSparkContext sc = context) {
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
        PrintWriter err = command.commandLine().getErr();
        for (Outcome o : outcomes) {
            if (o.failed()) {
                err.println("flexphase-spark: run " + o.key() + " (" + o.group() + ") failed: " + o.error());
            }
            if (o.diverged()) {
                err.println("flexphase-spark: run " + o.key() + " (" + o.group()
                        + ") diverged; it is marked in sweep_summary.csv and left out of the figures");
            }
        }
        command.commandLine().getOut().printf("flexphase-spark: %d runs (%d already done, %d failed, %d diverged) in %.1f s -> %s%n",
                outcomes.size(), skipped, failed, diverged, (System.nanoTime() - start) / 1e9, where);
        if (failed > 0) {
            err.println("flexphase-spark: " + failed + " of " + outcomes.size() + " runs failed: " + String.join(", ",
                    outcomes.stream().filter(Outcome::failed).map(Outcome::key).toList())
                    + " (a re-run with the same --out runs only these)");
        }
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
