package org.flexphase.verify;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.Presentation;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.PhaseProcess;

/** The kit's validated, final settings, built by {@link ContractKit.Builder}; shared by the check classes. */
record Settings<S, C extends ContrastiveSystem<S>>(
        String name, Supplier<? extends C> factory, PhaseProcess phases,
        Function<? super C, ? extends Presentation<S>> presentation, UnaryOperator<S> copyState,
        MeanUpdate<? super C> reference, Paired paired, double scale, long seed, double rate,
        int batches, long batchSteps, long burnIn, double learningRate, long replaySteps,
        BiasExpectation bias, double[] switching, DoubleFunction<PhaseProcess> switchingProcess, int biasRuns,
        double biasSwitches, double slopeBand, Set<Check> checks, LearningRateSchedule schedule,
        Function<? super C, double[][]> box, long invariantSteps) {

    /** What check (e) expects of the bias against the switching probability. */
    enum BiasExpectation { LINEAR, NONE }

    /** The paired estimator's budget: blocks per phase, steps to relax (not counted) and to measure per block. */
    record Paired(int blocks, long relaxSteps, long measureSteps) {
    }

    Settings {
        checks = EnumSet.copyOf(checks);
    }

    /** A fresh system from the factory. */
    C newSystem() {
        return factory.get();
    }

    /** The production loop over {@code system} with its own presentation and a fresh copy of {@code process}. */
    LocalLearning<S> learning(C system, PhaseProcess process) {
        return new LocalLearning<>(system, presentation.apply(system), process.copy()).scale(scale);
    }

    /** The mean-update reference at {@code system}'s current parameters under {@code process}, with its errors. */
    double[][] reference(C system, PhaseProcess process, long seed) {
        if (reference != null) {
            double[] exact = reference.meanUpdate(system, process.copy());
            return new double[][]{exact, new double[exact.length]};
        }
        PhaseMeans means = PairedEstimator.phaseMeans(this, system, seed);
        return new double[][]{means.contrast(scale), means.contrastError(scale)};
    }

    /** Whether the reference is the exact one the user supplied (else the paired estimate). */
    String referenceName() {
        return reference != null ? "the supplied exact mean update" : "the paired estimate (each phase run alone)";
    }
}
