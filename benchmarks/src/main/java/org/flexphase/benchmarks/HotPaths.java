package org.flexphase.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.data.MnistSubset;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.boltzmann.LateralBoltzmannMachine;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the hot paths, one operation each (average time): Gibbs half-steps of an RBM (dense) and of a
 * BM with lateral hidden weights, the weighted statistic update, a fused local-learning step, exact BAS
 * evaluation, and one Forward-Forward training step. Run with
 * {@code mvn -Pbenchmarks -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPaths {

    /** An RBM of a given size with sparse random binary data, a state and a random stream. */
    @State(Scope.Thread)
    public static class RbmState {
        @Param({"16", "794"})
        public int visible;
        Rbm rbm;
        BoltzmannState state;
        double[] gradient;
        RandomGenerator rng;

        @Setup(Level.Trial)
        public void setUp() {
            rng = Rngs.create(42);
            rbm = Rbm.randomized(visible, 16, 0.01, rng);
            state = rbm.newState();
            for (int i = 0; i < visible; i++) {
                state.visible[i] = rng.nextDouble() < 0.2 ? 1 : 0;
            }
            rbm.sampleHiddenGivenVisible(state.visible, state.hidden, rng);
            gradient = new double[rbm.parameterCount()];
        }
    }

    @Benchmark
    public double rbmSampleHiddenGivenVisible(RbmState s) {
        s.rbm.sampleHiddenGivenVisible(s.state.visible, s.state.hidden, s.rng);
        return s.state.hidden[0];
    }

    @Benchmark
    public double rbmSampleVisibleGivenHidden(RbmState s) {
        s.rbm.sampleVisibleGivenHidden(s.state.hidden, s.state.visible, s.rng);
        return s.state.visible[0];
    }

    @Benchmark
    public double rbmAddStatistic(RbmState s) {
        s.rbm.addStatistic(s.state, 1e-6, s.gradient);
        return s.gradient[0];
    }

    @Benchmark
    public double rbmLocalStepNegative(RbmState s) {
        s.rbm.gibbsStepAndAddStatistic(s.state, Phase.NEGATIVE, s.rng, -1e-6, s.gradient);
        return s.gradient[0];
    }

    /** A BM with 16 visible and 16 laterally coupled hidden units. */
    @State(Scope.Thread)
    public static class LateralState {
        LateralBoltzmannMachine bm;
        BoltzmannState state;
        RandomGenerator rng;

        @Setup(Level.Trial)
        public void setUp() {
            rng = Rngs.create(43);
            bm = LateralBoltzmannMachine.of(16, 16, 1.0);
            double[] t = bm.parameters();
            for (int k = 0; k < t.length; k++) {
                t[k] = 0.1 * rng.nextGaussian();
            }
            state = bm.newState();
        }
    }

    @Benchmark
    public double lateralGibbsStepNegative(LateralState s) {
        s.bm.gibbsStep(s.state, Phase.NEGATIVE, s.rng);
        return s.state.hidden[0];
    }

    /** BAS 4x4 and a 16x16 RBM for exact evaluation. */
    @State(Scope.Benchmark)
    public static class ExactState {
        Rbm rbm;
        DataDistribution data;

        @Setup(Level.Trial)
        public void setUp() {
            rbm = Rbm.randomized(16, 16, 0.5, Rngs.create(7));
            data = DataDistribution.of(BarsAndStripes.published4x4());
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double exactBasEvaluation(ExactState s) {
        return ExactAnalysis.metrics(s.rbm, s.data).nllPerRow();
    }

    /** A 784-500-500 Forward-Forward net and 64 MNIST digits. */
    @State(Scope.Thread)
    public static class ForwardForwardState {
        @Param({"STANDARD", "ISD"})
        public ForwardForwardTrainer.Mode mode;
        ForwardForwardTrainer trainer;
        ForwardForwardNet net;
        double[][] images;
        int[] labels;

        @Setup(Level.Trial)
        public void setUp() {
            var train = MnistSubset.split(MnistSubset.load()).train();
            images = java.util.Arrays.copyOf(train.scaled(), 64);
            labels = java.util.Arrays.copyOf(train.labelArray(), 64);
            trainer = new ForwardForwardTrainer(ForwardForwardSettings.DEFAULTS.withMode(mode).withEpochs(1)
                    .withEvalEvery(Long.MAX_VALUE / 2));
            net = trainer.newNet(784, 10);
        }
    }

    /** 64 training steps (one image each; standard mode uses a positive and a negative example per step). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long forwardForward64Steps(ForwardForwardState s) {
        return s.trainer.train(s.net, s.images, s.labels, null).steps();
    }
}
