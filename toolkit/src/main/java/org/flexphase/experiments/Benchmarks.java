package org.flexphase.experiments;

import java.util.random.RandomGenerator;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.data.Digits;
import org.flexphase.data.MnistSubset;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.exact.DataDistribution;
import org.flexphase.exact.ExactAnalysis;
import org.flexphase.models.NetworkState;
import org.flexphase.models.Rbm;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Throughput of the hot paths, single thread, measured after a warm-up: the temporally local step of an RBM
 * (phase process, clamping, one Gibbs step, one weighted statistic update, exactly as the trainer's loop does)
 * at BAS size (16x16) and MNIST sizes (794x16, 794x64, 794x256), one exact BAS evaluation, and a Forward-Forward training step. Figures are reported, never asserted.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** Runs every benchmark for about {@code seconds} each and returns one row per benchmark. */
    public static Table run(double seconds) {
        Table t = Table.create("bench", StringColumn.create("benchmark"), DoubleColumn.create("value"),
                StringColumn.create("unit"));
        add(t, "rbm_local_step_16x16", localSteps(16, 16, seconds), "steps/s");
        add(t, "rbm_local_step_794x16", localSteps(794, 16, seconds), "steps/s");
        add(t, "rbm_local_step_794x64", localSteps(794, 64, seconds), "steps/s");
        add(t, "rbm_local_step_794x256", localSteps(794, 256, seconds), "steps/s");
        add(t, "exact_bas_eval_16x16", exactEvaluationMillis(seconds), "ms/evaluation");
        Digits train = MnistSubset.split(MnistSubset.load()).train();
        add(t, "ff_784_500_500_standard", forwardForwardExamples(train, ForwardForwardTrainer.Mode.STANDARD, seconds),
                "examples/s");
        add(t, "ff_784_500_500_isd", forwardForwardExamples(train, ForwardForwardTrainer.Mode.ISD, seconds), "examples/s");
        NetworkBenchmarks.addTo(t, seconds);
        return t;
    }

    static void add(Table t, String name, double value, String unit) {
        t.stringColumn("benchmark").append(name);
        t.doubleColumn("value").append(value);
        t.stringColumn("unit").append(unit);
    }

    /** Steps per second of the local learning step for a {@code nv x nh} RBM on random sparse binary data. */
    public static double localSteps(int nv, int nh, double seconds) {
        RandomGenerator rng = Rngs.create(42);
        Rbm rbm = Rbm.randomized(nv, nh, 0.01, rng);
        double[][] rows = new double[64][nv];
        for (double[] row : rows) {
            for (int i = 0; i < nv; i++) {
                row[i] = rng.nextDouble() < 0.2 ? 1 : 0;
            }
        }
        GeometricPhaseProcess process = GeometricPhaseProcess.of(0.5, 0.05);
        NetworkState state = rbm.newState();
        double[] theta = rbm.parameters();
        double eta = 1e-5;
        double wPlus = eta * process.weight(Phase.POSITIVE);
        double wMinus = eta * process.weight(Phase.NEGATIVE);
        long batch = 10_000;
        long steps = 0;
        long deadline = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        while (System.nanoTime() < deadline) { // warm-up: let the JIT compile the loop
            steps += loop(rbm, process, state, rows, theta, wPlus, wMinus, rng, batch);
        }
        long start = System.nanoTime();
        steps = 0;
        deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            steps += loop(rbm, process, state, rows, theta, wPlus, wMinus, rng, batch);
        }
        return steps / ((System.nanoTime() - start) / 1e9);
    }

    private static long loop(Rbm rbm, GeometricPhaseProcess process, NetworkState state, double[][] rows,
                             double[] theta, double wPlus, double wMinus, RandomGenerator rng, long n) {
        int next = 0;
        for (long s = 0; s < n; s++) {
            Phase z = process.next(rng);
            if (process.startedNewPhase() && z.isPositive()) {
                state.clamp(rows[next++ & 63]);
            }
            rbm.gibbsStepAndAddStatistic(state, z, rng, z.isPositive() ? wPlus : wMinus, theta);
        }
        return n;
    }

    /**
     * Training examples per second of a 784-500-500 Forward-Forward net at batch size 1 (forward through both
     * layers, closed-form gradients, per-layer Adam), on the MNIST subset; standard mode uses two examples a step.
     */
    public static double forwardForwardExamples(Digits train, ForwardForwardTrainer.Mode mode, double seconds) {
        int chunk = 200;
        double[][] batch = java.util.Arrays.copyOf(train.scaled(), chunk);
        int[] batchLabels = java.util.Arrays.copyOf(train.labelArray(), chunk);
        ForwardForwardTrainer.Config config = ForwardForwardTrainer.Config.paper(mode, 1).withEvalEvery(Long.MAX_VALUE / 2);
        ForwardForwardTrainer trainer = new ForwardForwardTrainer(config);
        ForwardForwardNet net = trainer.newNet(784, 10);
        long deadline = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        while (System.nanoTime() < deadline) {
            trainer.train(net, batch, batchLabels, null);
        }
        long examples = 0;
        long start = System.nanoTime();
        deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            ForwardForwardTrainer.Result r = trainer.train(net, batch, batchLabels, null);
            examples += r.positiveExamples() + r.negativeExamples();
        }
        return examples / ((System.nanoTime() - start) / 1e9);
    }

    /** Milliseconds per exact evaluation (log Z, NLL, TV) of a 16x16 RBM on BAS 4x4. */
    public static double exactEvaluationMillis(double seconds) {
        Rbm rbm = Rbm.randomized(16, 16, 0.5, Rngs.create(7));
        DataDistribution data = DataDistribution.of(BarsAndStripes.published4x4());
        double sink = 0;
        long deadline = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        while (System.nanoTime() < deadline) {
            sink += ExactAnalysis.metrics(rbm, data).nllPerRow();
        }
        int n = 0;
        long start = System.nanoTime();
        deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline || n == 0) {
            sink += ExactAnalysis.metrics(rbm, data).nllPerRow();
            n++;
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("exact evaluation returned NaN");
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }
}
