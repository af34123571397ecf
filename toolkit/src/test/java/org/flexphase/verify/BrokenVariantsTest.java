package org.flexphase.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.flexphase.circuits.CircuitState;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.hopfield.EquilibriumPropagation;
import org.flexphase.hopfield.HopfieldState;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * The kit must reject deliberately broken systems, each fault applied alone to an otherwise correct family, and name
 * the check that caught it. The wrappers change one thing and delegate everything else.
 */
class BrokenVariantsTest {
    static final long SEED = 4_242;

    /**
     * Delegates everything to {@code inner}; subclasses break one thing. The fused step runs this wrapper's own
     * {@code step} and {@code addStatistic}, so a variant that breaks either is broken in the fused path too.
     */
    static class Wrapper<S, C extends ContrastiveSystem<S>> extends ForwardingSystem<S> {
        final C inner;

        Wrapper(C inner) {
            super(inner);
            this.inner = inner;
        }

        @Override
        public void stepAndAddStatistic(S state, Phase phase, RandomGenerator rng, double weight, double[] target) {
            step(state, phase, rng);
            addStatistic(state, weight, target);
        }
    }

    /** RBM whose fused step doubles the + weight (a 1/b where 2/b belonged, or the reverse). */
    static final class DoubledPlusWeight extends Wrapper<BoltzmannState, Rbm> {
        DoubledPlusWeight(Rbm inner) {
            super(inner);
        }

        @Override
        public void stepAndAddStatistic(BoltzmannState s, Phase z, RandomGenerator rng, double weight, double[] target) {
            inner.stepAndAddStatistic(s, z, rng, z.isPositive() ? 2 * weight : weight, target);
        }
    }

    /** Hopfield EP whose statistic carries a little noise from a generator nobody seeded. */
    static final class UnseededNoise extends Wrapper<HopfieldState, EquilibriumPropagation> {
        private final SplittableRandom unseeded = new SplittableRandom();

        UnseededNoise(EquilibriumPropagation inner) {
            super(inner);
        }

        @Override
        public void addStatistic(HopfieldState s, double weight, double[] target) {
            inner.addStatistic(s, weight, target);
            target[0] += 1e-9 * weight * unseeded.nextDouble();
        }
    }

    /** Coupled learning whose free phase also holds the outputs: the nudge leaks into the free phase. */
    static final class LeakyNudge extends Wrapper<CircuitState, CoupledLearning> {
        LeakyNudge(CoupledLearning inner) {
            super(inner);
        }

        @Override
        public void step(CircuitState s, Phase phase, RandomGenerator rng) {
            inner.step(s, Phase.POSITIVE, rng);
        }
    }

    /** RBM whose statistic has the wrong sign for the hidden-bias block. */
    static final class WrongSignHiddenBiases extends Wrapper<BoltzmannState, Rbm> {
        WrongSignHiddenBiases(Rbm inner) {
            super(inner);
        }

        @Override
        public void addStatistic(BoltzmannState s, double weight, double[] target) {
            int from = inner.hiddenBiasOffset();
            double[] saved = new double[inner.hiddenCount()];
            System.arraycopy(target, from, saved, 0, saved.length);
            inner.addStatistic(s, weight, target);
            for (int j = 0; j < saved.length; j++) {
                target[from + j] = saved[j] - (target[from + j] - saved[j]);
            }
        }
    }

    /**
     * RBM that takes the weight of a phase's first step for the whole phase (a rate read once per phase, at a stale
     * counter). Under the constant rates of (a) to (e) every step's weight is the same, so only (f) sees it.
     */
    static final class StaleWeightPerPhase extends Wrapper<BoltzmannState, Rbm> {
        private Phase last;
        private double weight;

        StaleWeightPerPhase(Rbm inner) {
            super(inner);
        }

        @Override
        public void stepAndAddStatistic(BoltzmannState s, Phase z, RandomGenerator rng, double w, double[] target) {
            if (z != last) {
                last = z;
                weight = w;
            }
            inner.stepAndAddStatistic(s, z, rng, weight, target);
        }
    }

    /** Coupled learning that never projects its conductances onto their box. */
    static final class SkippedProjection extends Wrapper<CircuitState, CoupledLearning> {
        SkippedProjection(CoupledLearning inner) {
            super(inner);
        }

        @Override
        public void stepAndAddStatistic(CircuitState s, Phase z, RandomGenerator rng, double w, double[] target) {
            inner.stepAndAddStatistic(s, z, rng, w, target);
        }

        @Override
        public void parametersChanged() {
        }
    }

    /** Only (f) fails: every other check the family's kit runs passes. */
    static void assertCaughtOnlyByAfterEveryUpdate(ContractReport report) {
        assertCaught(report, Check.AFTER_EVERY_UPDATE);
        for (CheckResult r : report.failures()) {
            assertTrue(r.check() == Check.AFTER_EVERY_UPDATE, () -> "another check failed too:\n" + report);
        }
        assertTrue(report.results().size() > 1, report::toString);
    }

    static void assertCaught(ContractReport report, Check check) {
        assertFalse(report.passed(), report::toString);
        assertTrue(report.failed(check), () -> "expected " + check.key() + " to fail:\n" + report);
        ContractViolation v = assertThrows(ContractViolation.class, report::assertPassed);
        assertTrue(v.getMessage().contains("[" + check.key() + "] FAILED") && v.getMessage().contains("seed " + SEED),
                v::getMessage);
    }

    @Test
    void doubledPlusWeightFailsTheMeanUpdate() {
        assertCaught(Families.rbm(DoubledPlusWeight::new, w -> w.inner).only(Check.MEAN_UPDATE).seed(SEED).check(),
                Check.MEAN_UPDATE);
    }

    @Test
    void wrongSignForOneBlockFailsTheMeanUpdate() {
        assertCaught(Families.rbm(WrongSignHiddenBiases::new, w -> w.inner).only(Check.MEAN_UPDATE).seed(SEED).check(),
                Check.MEAN_UPDATE);
    }

    @Test
    void anUnseededGeneratorFailsSameSeedSameBits() {
        assertCaught(Families.hopfield(UnseededNoise::new).only(Check.SAME_SEED_SAME_BITS).seed(SEED).check(),
                Check.SAME_SEED_SAME_BITS);
    }

    @Test
    void aNudgeLeakingIntoTheFreePhaseFailsTheMeanUpdate() {
        assertCaught(Families.circuit(LeakyNudge::new, w -> w.inner).only(Check.MEAN_UPDATE).seed(SEED).check(),
                Check.MEAN_UPDATE);
    }

    @Test
    void aWeightCachedPerPhaseFailsOnlyAfterEveryUpdate() {
        assertCaughtOnlyByAfterEveryUpdate(Families.rbm(StaleWeightPerPhase::new, w -> w.inner)
                .only(Check.MEAN_UPDATE, Check.SAME_SEED_SAME_BITS, Check.CHECKPOINT_RESTORE, Check.NON_FINITE_STOP,
                        Check.AFTER_EVERY_UPDATE).seed(SEED).check());
    }

    @Test
    void aSkippedProjectionFailsOnlyAfterEveryUpdate() {
        assertCaughtOnlyByAfterEveryUpdate(Families.circuit(SkippedProjection::new, w -> w.inner)
                .only(Check.MEAN_UPDATE, Check.SAME_SEED_SAME_BITS, Check.CHECKPOINT_RESTORE, Check.NON_FINITE_STOP,
                        Check.AFTER_EVERY_UPDATE).seed(SEED).check());
    }

    @Test
    void aShallowStateCopyFailsCheckpointRestore() {
        assertCaught(Families.circuit(c -> c, c -> c).copyState(s -> s).only(Check.CHECKPOINT_RESTORE).seed(SEED)
                .check(), Check.CHECKPOINT_RESTORE);
    }
}
