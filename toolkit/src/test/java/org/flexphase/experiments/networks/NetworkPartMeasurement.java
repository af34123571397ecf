package org.flexphase.experiments.networks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.Table;

/**
 * Runs a part of {@code reproduce --parts networks} (not a test: surefire skips the name), the runs whose group starts
 * with one of the prefixes, and prints their tables:
 * {@code java -cp toolkit/target/classes:toolkit/target/test-classes:flexphase.jar
 * org.flexphase.experiments.networks.NetworkPartMeasurement PROFILE OUT THREADS PREFIX...}, e.g. prefixes
 * {@code ratio:} (the 14-node p / r grid), {@code rsweep:regression:} (the R sweep on the regression task; a further
 * {@code R=1e-2,1} keeps only those R), {@code bias} and {@code noise} (the exact tables, no runs).
 */
public final class NetworkPartMeasurement {
    private NetworkPartMeasurement() {
    }

    public static void main(String[] args) {
        String profile = args[0];
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<String> prefixes = Arrays.asList(args).subList(3, args.length);
        List<Double> rs = prefixes.stream().filter(p -> p.startsWith("R=")).flatMap(p -> Arrays.stream(p.substring(2)
                .split(","))).map(Double::parseDouble).toList();
        if (prefixes.contains("bias")) {
            Table bias = ExactBias.table(ExactBias.SEEDS);
            System.out.println(bias.printAll());
            for (double r : ExactBias.RATES) {
                Table t = bias.where(bias.doubleColumn("relax_rate").isEqualTo(r));
                t.addColumns(t.doubleColumn("p_over_r").asStringColumn().setName("p_over_r_key"));
                System.out.println("r = " + r + "\n" + SeedBands.bands("bias", t, "relative_bias", "p_over_r_key")
                        .printAll());
            }
        }
        if (prefixes.contains("noise")) {
            int seeds = Integer.parseInt(System.getProperty("seeds", "5"));
            Table noise = FlexibleNoise.table(0.05, seeds);
            System.out.println(noise.printAll());
            noise.addColumns(noise.doubleColumn("nudge").asStringColumn().setName("nudge_key"),
                    noise.doubleColumn("steps").asStringColumn().setName("steps_key"));
            System.out.println(SeedBands.bands("noise", noise, "relative_error", "nudge_key", "steps_key").printAll());
        }
        String[] range = System.getProperty("runSeeds", "1-" + Long.MAX_VALUE).split("-");
        long[] seedRange = {Long.parseLong(range[0]), Long.parseLong(range[1])};
        List<RunSpec> specs = new NetworkExperiment(profile).specs().stream()
                .filter(s -> prefixes.stream().anyMatch(p -> !p.startsWith("R=") && s.group().startsWith(p)))
                .filter(s -> rs.isEmpty() || !s.group().startsWith(NetworkRSweep.GROUP)
                        || rs.contains(Double.parseDouble(s.group().split(":")[3])))
                .filter(s -> s.seed() >= seedRange[0] && s.seed() <= seedRange[1])
                .toList();
        if (specs.isEmpty()) {
            return;
        }
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(specs.stream().map(Sweep::job).toList(), r -> { });
        if (prefixes.stream().anyMatch(p -> p.startsWith(NetworkPhaseRatio.GROUP))) {
            Table ratio = NetworkPhaseRatio.tables(done, out);
            System.out.println(SeedBands.bands("ratio", ratio, "relative_cost", "arm", "p", "relax_rate").printAll());
        }
        if (prefixes.stream().anyMatch(p -> p.startsWith(NetworkRSweep.GROUP))) {
            Table t = new NetworkRSweep(profile).tables(done, out);
            System.out.println(t.sortAscendingOn("task", "scheme", "R", "seed").printAll());
        }
    }
}
