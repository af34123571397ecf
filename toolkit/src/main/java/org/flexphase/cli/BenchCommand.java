package org.flexphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flexphase.bench.NetworkThroughput;
import org.flexphase.bench.Throughput;
import org.flexphase.runs.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code bench}: single-thread throughput of the hot paths, printed and written as CSV. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure single-thread throughput: RBM 16x16 and 794x16 (random rows), 794x64 and 794x256 (MNIST rows, rate 0.005) local learning steps/s, exact BAS evaluation ms, Forward-Forward 784-500-500 examples/s, resistor-network free+clamped equilibrium pairs and coupled-learning updates per second at 512, 2,048 and 4,096 nodes, Jacobi sweeps and flexible-phase steps per second at 512 and 2,048 nodes, EP 784-500-10 relaxation sweeps/s and training examples/s.")
public final class BenchCommand implements Callable<Integer>, CheckedOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "3", description = "measuring time per benchmark (default: ${DEFAULT-VALUE})")
    double seconds;
    @Option(names = "--only", defaultValue = "all", description = "all | network: only the resistor-network rows (default: ${DEFAULT-VALUE})")
    String only;
    @Option(names = "--out", defaultValue = "results/bench.csv", description = "CSV file (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public void checkOptions() {
        Options.positive(spec, "--seconds", seconds);
        if (!only.equals("all") && !only.equals("network")) {
            throw Options.bad(spec, "--only", only, "all | network");
        }
    }

    @Override
    public Integer call() {
        checkOptions();
        Table t = only.equals("network") ? NetworkThroughput.run(seconds) : Throughput.run(seconds);
        System.out.println(t.printAll());
        RunFiles.writeCsv(t, out);
        return 0;
    }
}
