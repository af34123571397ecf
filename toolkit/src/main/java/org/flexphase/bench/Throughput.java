package org.flexphase.bench;

import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.hopfield.HopfieldState;

import java.util.random.RandomGenerator;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.data.Digits;
import org.flexphase.data.MnistSubset;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Throughput of the hot paths, single thread, measured after a warm-up: the temporally local step of an RBM
 * (phase process, clamping, one Gibbs step, one weighted statistic update, exactly as the trainer's loop does)
 * at BAS size (16x16) and 794x16 on random sparse rows, at 794x64 and 794x256 on the MNIST experiments' rows and
 * rate, one exact BAS evaluation, a Forward-Forward training step, the resistor-network benchmarks, and Equilibrium
 * Propagation on 784-500-10: relaxation sweeps/s and training examples/s (standard and flexible-phase). Figures are
 * reported, never asserted.
 */
public final class Throughput {
    private Throughput() {
    }

    /** Runs every benchmark for about {@code seconds} each and returns one row per benchmark. */
    public static Table run(double seconds) {
        Table t = table();
        add(t, "rbm_local_step_16x16", localSteps(16, 16, seconds), "steps/s");
        add(t, "rbm_local_step_794x16", localSteps(794, 16, seconds), "steps/s");
        Digits train = MnistSubset.split(MnistSubset.load()).train();
        double[][] mnistRows = labelledRows(train);
        add(t, "rbm_local_step_mnist_794x64", localSteps(mnistRows, 64, MNIST_RATE, seconds), "steps/s");
        add(t, "rbm_local_step_mnist_794x256", localSteps(mnistRows, 256, MNIST_RATE, seconds), "steps/s");
        add(t, "exact_bas_eval_16x16", exactEvaluationMillis(seconds), "ms/evaluation");
        add(t, "ff_784_500_500_standard", forwardForwardExamples(train, ForwardForwardTrainer.Mode.STANDARD, seconds),
                "examples/s");
        add(t, "ff_784_500_500_isd", forwardForwardExamples(train, ForwardForwardTrainer.Mode.ISD, seconds), "examples/s");
        NetworkThroughput.addTo(t, seconds);
        Examples digits = Examples.of(train);
        add(t, "ep_relaxation_sweep_784_500_10", relaxationSweeps(digits, seconds), "sweeps/s");
        add(t, "ep_standard_784_500_10", epTraining(digits, EquilibriumPropagationTrainer.Mode.STANDARD, seconds),
                "examples/s");
        add(t, "ep_local_784_500_10", epTraining(digits, EquilibriumPropagationTrainer.Mode.LOCAL, seconds),
                "examples/s");
        return t;
    }

    /** The empty result table: benchmark, value, unit. */
    static Table table() {
        return Table.create("bench", StringColumn.create("benchmark"), DoubleColumn.create("value"),
                StringColumn.create("unit"));
    }

    static void add(Table t, String name, double value, String unit) {
        t.stringColumn("benchmark").append(name);
        t.doubleColumn("value").append(value);
        t.stringColumn("unit").append(unit);
    }

    /** The per-step rate of the MNIST local-learning experiments (docs/experiments.md). */
    public static final double MNIST_RATE = 0.005;

    /** Steps per second of the local learning step for a {@code nv x nh} RBM on random sparse binary data. */
    public static double localSteps(int nv, int nh, double seconds) {
        RandomGenerator rng = Rngs.create(42);
        double[][] rows = new double[64][nv];
        for (double[] row : rows) {
            for (int i = 0; i < nv; i++) {
                row[i] = rng.nextDouble() < 0.2 ? 1 : 0;
            }
        }
        return localSteps(Rbm.randomized(nv, nh, 0.01, rng), rows, 1e-5, rng, seconds);
    }

    /**
     * Steps per second of the local learning step of a label-clamped RBM ({@code rows}: binarised digits with one-hot
     * labels) with {@code nh} hidden units at the experiments' {@code rate}: the warm-up also trains the model, so the
     * activity the step sees (sparse digits in both phases) is that of a real run rather than of random weights.
     */
    public static double localSteps(double[][] rows, int nh, double rate, double seconds) {
        RandomGenerator rng = Rngs.create(42);
        return localSteps(Rbm.randomized(rows[0].length, nh, 0.01, rng), rows, rate, rng, seconds);
    }

    /** The 794-visible rows of the MNIST experiments: pixels binarised at 0.8, then the one-hot label. */
    static double[][] labelledRows(Digits digits) {
        double[][] pixels = digits.binarised(0.8);
        double[][] rows = new double[pixels.length][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = java.util.Arrays.copyOf(pixels[k], pixels[k].length + 10);
            rows[k][pixels[k].length + digits.label(k)] = 1.0;
        }
        return rows;
    }

    private static double localSteps(Rbm rbm, double[][] rows, double eta, RandomGenerator rng, double seconds) {
        GeometricPhaseProcess process = GeometricPhaseProcess.of(0.5, 0.05);
        BoltzmannState state = rbm.newState();
        double[] theta = rbm.parameters();
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

    private static long loop(Rbm rbm, GeometricPhaseProcess process, BoltzmannState state, double[][] rows,
                             double[] theta, double wPlus, double wMinus, RandomGenerator rng, long n) {
        for (long s = 0; s < n; s++) {
            Phase z = process.next(rng);
            if (process.startedNewPhase() && z.isPositive()) {
                state.clamp(rows[rng.nextInt(rows.length)]);
            }
            rbm.gibbsStepAndAddStatistic(state, z, rng, z.isPositive() ? wPlus : wMinus, theta);
        }
        return n;
    }

    /**
     * Training examples per second of a 784-500-500 Forward-Forward net at batch size 1 (forward through both
     * layers, closed-form gradients, Adam over the parameter vector), on the MNIST subset; standard mode uses two
     * examples a step.
     */
    public static double forwardForwardExamples(Digits train, ForwardForwardTrainer.Mode mode, double seconds) {
        int chunk = 200;
        double[][] batch = java.util.Arrays.copyOf(train.scaled(), chunk);
        int[] batchLabels = java.util.Arrays.copyOf(train.labelArray(), chunk);
        ForwardForwardTrainer trainer = new ForwardForwardTrainer(ForwardForwardSettings.DEFAULTS.withMode(mode)
                .withEvalEvery(Long.MAX_VALUE / 2));
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

    /**
     * Free relaxation sweeps per second of a Glorot 784-500-10 Hopfield network, a new MNIST digit every 24 sweeps
     * (so the per-example input drive {@code W_1^T x} is included at its usual share).
     */
    public static double relaxationSweeps(Examples digits, double seconds) {
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(3), 784, 500, 10);
        HopfieldState state = net.newState();
        long sweeps = 0;
        long start = 0;
        long warmup = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        long deadline = Long.MAX_VALUE;
        for (int k = 0; ; k = (k + 1) % digits.count()) {
            long now = System.nanoTime();
            if (start == 0 && now >= warmup) {
                start = now;
                deadline = start + (long) (seconds * 1e9);
                sweeps = 0;
            }
            if (now >= deadline) {
                break;
            }
            state.show(digits.inputs()[k], digits.targets()[k], digits.labels()[k]);
            for (int s = 0; s < 24; s++) {
                net.sweep(state, 0, false);
            }
            sweeps += 24;
        }
        return sweeps / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Training examples per second of EP on a 784-500-10 network, MNIST digits, 20 free and 4 nudged sweeps per example
     * (LOCAL: 24 learning sweeps per example, switching probability 0.5), single thread, no evaluation.
     */
    public static double epTraining(Examples digits, EquilibriumPropagationTrainer.Mode mode, double seconds) {
        int chunk = 500;
        Examples batch = new Examples(java.util.Arrays.copyOf(digits.inputs(), chunk),
                java.util.Arrays.copyOf(digits.targets(), chunk), java.util.Arrays.copyOf(digits.labels(), chunk));
        // One epoch of the chunk (chunk x 24 sweeps), one checkpoint, a constant rate.
        EquilibriumPropagationTrainer trainer = new EquilibriumPropagationTrainer(EpSettings.DEFAULTS.withMode(mode)
                .withBeta(0.5).withB(0.5).withSwitchProb(0.5).withEpochs(1).withEvalPerEpoch(1).withLr(1e-4)
                .withLrTauEpochs(0).withSeed(1));
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(3), 784, 500, 10);
        long deadline = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        while (System.nanoTime() < deadline) {
            trainer.train(net, batch, null);
        }
        long examples = 0;
        long start = System.nanoTime();
        deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            trainer.train(net, batch, null);
            examples += chunk;
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
