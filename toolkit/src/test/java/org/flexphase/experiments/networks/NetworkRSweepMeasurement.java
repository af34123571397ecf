package org.flexphase.experiments.networks;

import java.nio.file.Path;
import java.util.List;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.Table;

/**
 * Runs only the R sweep of the networks part (not a test: surefire skips the name):
 * {@code java -cp flexphase.jar:toolkit/target/test-classes org.flexphase.experiments.networks.NetworkRSweepMeasurement
 * PROFILE OUT THREADS}.
 */
public final class NetworkRSweepMeasurement {
    private NetworkRSweepMeasurement() {
    }

    public static void main(String[] args) {
        NetworkRSweep sweep = new NetworkRSweep(args[0]);
        Path out = Path.of(args[1]);
        List<Sweep.Job> jobs = sweep.specs().stream().map(Sweep::job).toList();
        List<Sweep.JobResult> done = new Sweep(out, Integer.parseInt(args[2])).runJobs(jobs, r -> { });
        Table t = sweep.tables(done, out);
        System.out.println(t.sortAscendingOn("scheme", "R", "seed").printAll());
    }
}
