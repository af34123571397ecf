package org.flexphase.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.flexphase.sweeps.RunSpec;

/**
 * Run folders under a Hadoop filesystem URI ({@code hdfs://}, {@code s3a://}, {@code file://}, whatever the
 * cluster's Hadoop configuration can open), laid out as the local runner lays out a folder:
 * {@code runs/<key>/{spec.json, history.csv, summary.json, history.png}}.
 */
final class RunStore {
    private final FileSystem fs;
    private final Path root;

    RunStore(String uri, Configuration conf) throws IOException {
        this.fs = FileSystem.get(URI.create(uri), conf);
        this.root = new Path(uri);
    }

    /** True for {@code scheme://...} and {@code file:/...}; a plain path is a shared local filesystem. */
    static boolean isUri(String out) {
        return out.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !out.matches("^[a-zA-Z]:\\\\.*");
    }

    /** Finished means published with all its files, as for the local runner. */
    boolean finished(String key) throws IOException {
        Path dir = new Path(new Path(root, "runs"), key);
        for (String f : new String[]{"spec.json", "history.csv", "summary.json", "history.png"}) {
            if (!fs.exists(new Path(dir, f))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a finished run diverged, as its {@code summary.json} records. */
    boolean diverged(String key) throws IOException {
        try (var in = fs.open(new Path(new Path(new Path(root, "runs"), key), "summary.json"))) {
            return org.flexphase.runs.RunFiles.json().readTree(in).path("diverged").asBoolean(false);
        }
    }

    /** Copies a finished local run folder to a temporary name, then renames it into place. */
    void publish(String key, java.nio.file.Path localRun) throws IOException {
        Path runs = new Path(root, "runs");
        Path target = new Path(runs, key);
        Path temp = new Path(runs, "." + key + ".tmp-" + java.util.UUID.randomUUID());
        fs.mkdirs(runs);
        fs.copyFromLocalFile(false, true, new Path(localRun.toUri()), temp);
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(temp, target)) {
            throw new IOException("cannot rename " + temp + " to " + target);
        }
    }

    /** Copies the finished runs back, builds the summary and figures, and writes them next to the runs. */
    static String publishSummary(String uri, String specJson, List<SparkSweep.Outcome> outcomes, Configuration conf)
            throws IOException {
        RunStore store = new RunStore(uri, conf);
        java.nio.file.Path local = Files.createTempDirectory("flexphase-summary-");
        try {
            List<RunSpec> specs = SparkSweep.parse(specJson);
            for (int k = 0; k < specs.size(); k++) {
                if (outcomes.get(k).failed()) {
                    continue;
                }
                String key = specs.get(k).key();
                java.nio.file.Path dir = local.resolve("runs").resolve(key);
                Files.createDirectories(dir);
                for (String f : new String[]{"summary.json", "history.csv"}) {
                    store.fs.copyToLocalFile(false, new Path(new Path(new Path(store.root, "runs"), key), f),
                            new Path(dir.resolve(f).toUri()), true);
                }
            }
            for (java.nio.file.Path f : SparkSweep.writeSummary(specJson, local, outcomes)) {
                store.fs.copyFromLocalFile(false, true, new Path(f.toUri()), new Path(store.root, f.getFileName().toString()));
            }
            return new Path(store.root, "sweep_summary.csv").toString();
        } finally {
            deleteLocal(local);
        }
    }

    static void deleteLocal(java.nio.file.Path dir) {
        try (Stream<java.nio.file.Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
