package org.flexphase.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.flexphase.data.MnistSubset;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What this core can do at best, for the floors of the label-clamped MNIST RBM's local step (docs/performance.md):
 * additions of whole rows at the sizes of its weight matrices (794x64 = 406 KB, in L2; 794x256 = 1.6 MB, beyond it),
 * gathered sums over a digit's active pixels, the generator's {@code nextDouble()} alone and with the table decision,
 * and the RBM's half-steps and statistic update on a digit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MachineFloor {

    /** A row-major matrix of {@code hidden} rows of 794 doubles, and an accumulator row. */
    @State(Scope.Thread)
    public static class Rows {
        @Param({"64", "256"})
        public int hidden;
        double[] w;
        double[] acc;

        @Setup(Level.Trial)
        public void setUp() {
            RandomGenerator rng = Rngs.create(1);
            w = new double[794 * hidden];
            for (int k = 0; k < w.length; k++) {
                w[k] = rng.nextGaussian();
            }
            acc = new double[794];
        }
    }

    /** {@code acc += row} over every row: one add and 8 bytes of weights per element, the visible half-step's loop. */
    @Benchmark
    public double addEveryRow(Rows s) {
        double[] w = s.w;
        double[] acc = s.acc;
        for (int r = 0; r < s.hidden; r++) {
            int o = r * 794;
            for (int i = 0; i < 794; i++) {
                acc[i] += w[o + i];
            }
        }
        return acc[0];
    }

    /** Indices of a digit's active pixels, for gathered sums. */
    @State(Scope.Thread)
    public static class Gather {
        @Param({"64", "256"})
        public int hidden;
        double[] w;
        double[] field;
        int[] active;
        int count;

        @Setup(Level.Trial)
        public void setUp() {
            RandomGenerator rng = Rngs.create(4);
            w = new double[794 * hidden];
            for (int k = 0; k < w.length; k++) {
                w[k] = rng.nextGaussian();
            }
            field = new double[hidden];
            double[] pixels = MnistSubset.split(MnistSubset.load()).train().binarised(0.8)[0];
            active = new int[794];
            for (int i = 0; i < pixels.length; i++) {
                if (pixels[i] != 0) {
                    active[count++] = i;
                }
            }
        }
    }

    /** {@code hidden x count} gathered additions in four independent chains: the hidden half-step's loop, unsampled. */
    @Benchmark
    public double gatheredSums(Gather s) {
        double[] w = s.w;
        int[] active = s.active;
        for (int j = 0; j + 4 <= s.hidden; j += 4) {
            int r0 = j * 794;
            double f0 = 0;
            double f1 = 0;
            double f2 = 0;
            double f3 = 0;
            for (int k = 0; k < s.count; k++) {
                int i = active[k];
                f0 += w[r0 + i];
                f1 += w[r0 + 794 + i];
                f2 += w[r0 + 1588 + i];
                f3 += w[r0 + 2382 + i];
            }
            s.field[j] = f0 + f1 + f2 + f3;
        }
        return s.field[0];
    }

    /** The project's generator alone, 1,000 draws. */
    @State(Scope.Thread)
    public static class Generator {
        RandomGenerator rng = Rngs.create(2);
        double[] fields = new double[1000];

        @Setup(Level.Trial)
        public void setUp() {
            for (int k = 0; k < fields.length; k++) {
                fields[k] = -4 + 3 * rng.nextGaussian();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public double nextDouble(Generator g) {
        double sum = 0;
        for (int k = 0; k < 1000; k++) {
            sum += g.rng.nextDouble();
        }
        return sum;
    }

    /**
     * 1,000 draws {@code 1[u < sigmoid(x)]} with the table decision, fields spread like a digit model's ({@code -4 +
     * 3 N(0, 1)}).
     */
    @Benchmark
    @OperationsPerInvocation(1000)
    public double decidedDraws(Generator g) {
        double sum = 0;
        for (int k = 0; k < 1000; k++) {
            sum += org.flexphase.boltzmann.LogisticBernoulli.sample(g.fields[k], g.rng.nextDouble());
        }
        return sum;
    }

    /**
     * A 794 x hidden RBM (weights N(0, 0.01^2)) with a digit clamped and half of its hidden units on: more active
     * hidden units than a trained model's 3-9, so the visible half-step and the statistic cost more than in training.
     */
    @State(Scope.Thread)
    public static class Digit {
        @Param({"64", "256"})
        public int hidden;
        Rbm rbm;
        BoltzmannState state;
        double[] scratchVisible;
        double[] gradient;
        RandomGenerator rng;

        @Setup(Level.Trial)
        public void setUp() {
            rng = Rngs.create(3);
            rbm = Rbm.randomized(794, hidden, 0.01, rng);
            state = rbm.newState();
            double[] pixels = MnistSubset.split(MnistSubset.load()).train().binarised(0.8)[0];
            System.arraycopy(pixels, 0, state.visible, 0, pixels.length);
            state.visible[794 - 10 + 3] = 1;
            for (int j = 0; j < hidden; j += 2) {
                state.hidden[j] = 1;
            }
            scratchVisible = new double[794];
            gradient = new double[rbm.parameterCount()];
        }
    }

    @Benchmark
    public double hiddenHalfStep(Digit s) {
        s.rbm.sampleHiddenGivenVisible(s.state.visible, s.state.hidden, s.rng);
        return s.state.hidden[0];
    }

    @Benchmark
    public double visibleHalfStep(Digit s) {
        s.rbm.sampleVisibleGivenHidden(s.state.hidden, s.scratchVisible, s.rng);
        return s.scratchVisible[0];
    }

    @Benchmark
    public double addStatistic(Digit s) {
        s.rbm.addStatistic(s.state, 1e-9, s.gradient);
        return s.gradient[0];
    }

    /** A positive (clamped) local step: the hidden half-step and the statistic, as {@code train} runs it. */
    @Benchmark
    public double positiveLocalStep(Digit s) {
        s.rbm.gibbsStepAndAddStatistic(s.state, Phase.POSITIVE, s.rng, 1e-9, s.gradient);
        return s.gradient[0];
    }
}
