package org.flexphase.hopfield;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.learning.ExamplePresentation;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.PairedPhases;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link HopfieldNetwork} by Equilibrium Propagation or Contrastive Hebbian learning (docs/theory.md
 * section 5.1), in four modes that share {@link LearningLoop}'s bookkeeping (budget in relaxation sweeps, rates,
 * checkpoints, NaN/Inf checks, averaging); the first three are {@link PairedPhases}, the last {@link LocalLearning}:
 * <ul>
 *   <li>{@code STANDARD}: per example, {@code freeSteps} free sweeps to {@code s^0}, {@code nudgeSteps} nudged sweeps to
 *   {@code s^beta}, then {@code theta += (eta/beta)(phi(s^beta) - phi(s^0))};</li>
 *   <li>{@code SYMMETRIC}: from {@code s^0}, {@code nudgeSteps} sweeps at {@code +beta} and again at {@code -beta},
 *   {@code theta += (eta/(2 beta))(phi(s^+beta) - phi(s^-beta))};</li>
 *   <li>{@code CHL}: the nudged phase clamps the output to the target, {@code theta += eta (phi(s^c) - phi(s^0))};</li>
 *   <li>{@code LOCAL}: flexible phases through {@link LocalLearning}: the nudge follows a geometric phase process
 *   ({@code b}, switching probability {@code p}), examples follow their own presentation process, the state is never
 *   reset, and every sweep learns {@code theta += (eta/E[L]) w(z) phi / beta}, {@code E[L]} the mean presentation
 *   length, so that a rate means the same expected progress per example in every mode.</li>
 * </ul>
 * The state is persistent in every mode: each example's free phase starts where the previous example left off.
 * Reproducible: one generator seeded with {@code seed} (the example order, presentation lengths and phases).
 */
public final class EquilibriumPropagationTrainer {
    /** How the two phases are run. */
    public enum Mode {
        STANDARD, SYMMETRIC, CHL, LOCAL;

        /** The nudge the mode's phases use. */
        public EquilibriumPropagation.Nudge nudge() {
            return switch (this) {
                case SYMMETRIC -> EquilibriumPropagation.Nudge.SYMMETRIC;
                case CHL -> EquilibriumPropagation.Nudge.CLAMPED;
                default -> EquilibriumPropagation.Nudge.ONE_SIDED;
            };
        }

        /** Lower-case name, as on the command line. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Settings. {@code presentation} is the law of example lengths in LOCAL mode (null: fixed at
     * {@code freeSteps + nudgeSteps}, the sweeps standard EP spends per example); {@code sweepsPerStep} is the number
     * of relaxation sweeps per time step in LOCAL mode (1: the persistent physical system); {@code traceTau} (LOCAL
     * only, 0: off) centres the statistic on a slow activity trace of that time constant in steps
     * ({@link EquilibriumPropagation#withTrace}). {@code steps} is the
     * budget in relaxation sweeps.
     */
    public record Config(Mode mode, double beta, int freeSteps, int nudgeSteps, double b, double switchProbability,
                         LengthLaw presentation, int sweepsPerStep, double traceTau, LearningRateSchedule schedule,
                         long steps, long evalEvery, long seed) {
        /** Without the activity trace ({@code traceTau = 0}). */
        public Config(Mode mode, double beta, int freeSteps, int nudgeSteps, double b, double switchProbability,
                      LengthLaw presentation, int sweepsPerStep, LearningRateSchedule schedule, long steps,
                      long evalEvery, long seed) {
            this(mode, beta, freeSteps, nudgeSteps, b, switchProbability, presentation, sweepsPerStep, 0, schedule,
                    steps, evalEvery, seed);
        }

        public Config {
            Checks.requireAtLeast(freeSteps, 1, "free-steps");
            Checks.requireAtLeast(nudgeSteps, 1, "nudge-steps");
            Checks.requireAtLeast(sweepsPerStep, 1, "sweeps-per-step");
            EquilibriumPropagation.requireTraceTau("trace-tau", traceTau);
            if (mode != Mode.CHL && !(beta > 0 && beta < 1)) {
                throw new IllegalArgumentException("beta must be in (0, 1): " + beta);
            }
            if (mode == Mode.LOCAL) {
                Checks.requireOpenProbability(b, "b");
                Checks.requireInRange(switchProbability, Double.MIN_VALUE, 1.0, "switch-prob");
            }
            Checks.requirePositive(steps, "steps");
            Checks.requirePositive(evalEvery, "eval-every");
        }

        /** The example-length law of LOCAL mode. */
        public LengthLaw presentationLaw() {
            return presentation != null ? presentation : LengthLaws.fixed(freeSteps + nudgeSteps);
        }

        /** Relaxation sweeps one example costs in the non-local modes. */
        public int sweepsPerExample() {
            return freeSteps + nudgeSteps * (mode == Mode.SYMMETRIC ? 2 : 1);
        }

        /** The phase process of LOCAL mode. */
        public PhaseProcess phaseProcess() {
            return GeometricPhaseProcess.of(b, switchProbability);
        }
    }

    private final Config config;

    public EquilibriumPropagationTrainer(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The contrastive system the mode trains. */
    public EquilibriumPropagation system(HopfieldNetwork network) {
        EquilibriumPropagation system = EquilibriumPropagation.of(network, config.mode().nudge(),
                config.beta());
        return config.mode() == Mode.LOCAL
                ? system.withSweepsPerStep(config.sweepsPerStep()).withTrace(config.traceTau()) : system;
    }

    /**
     * Trains {@code network} in place on {@code train}; {@code listener} is told at step 0, every {@code evalEvery}
     * sweeps and at the end. Returns the loop (steps, updates, divergence, wall time).
     */
    public LearningLoop train(HopfieldNetwork network, Examples train, LearningLoop.CheckpointListener listener) {
        checkShape(network, train);
        LearningLoop loop = new LearningLoop(network.parameters(), null, config.schedule(), config.steps(),
                config.evalEvery(), Long.MAX_VALUE, 1, listener);
        if (loop.begin()) {
            run(network, train, loop);
        }
        loop.finish();
        network.parametersChanged();
        return loop;
    }

    /**
     * Runs this configuration with the parameters frozen for {@code steps} sweeps, adding every increment at rate 1
     * (times the mode's {@code 1/beta} scale; in LOCAL mode without the {@code 1/E[L]} factor) into
     * {@code increments}. Divided by the loop's update count it estimates the mean update (docs/theory.md T12, T13);
     * the loop also tells how many sweeps were spent in each phase.
     */
    public LearningLoop sumIncrements(HopfieldNetwork network, Examples train, long steps, double[] increments) {
        checkShape(network, train);
        LearningLoop loop = new LearningLoop(network.parameters(), increments, LearningRateSchedule.constant(1),
                steps, steps, Long.MAX_VALUE, 1, null);
        run(network, train, loop);
        return loop;
    }

    private void run(HopfieldNetwork network, Examples train, LearningLoop loop) {
        RandomGenerator rng = Rngs.create(config.seed());
        EquilibriumPropagation system = system(network);
        if (config.mode() == Mode.LOCAL) {
            ExamplePresentation<HopfieldState> presentation = presentation(train, config.presentationLaw());
            double perExample = loop.frozen() ? 1 : 1.0 / config.presentationLaw().mean();
            new LocalLearning<>(system, presentation, config.phaseProcess()).scale(system.scale() * perExample)
                    .run(loop, system.newState(), rng);
        } else {
            pairedPhases(system, train).run(loop, system.newState(), rng);
        }
    }

    /** Examples of {@code train} in shuffled passes, each shown for a length drawn from {@code lengths}. */
    public static ExamplePresentation<HopfieldState> presentation(Examples train, LengthLaw lengths) {
        return ExamplePresentation.inShuffledPasses(train.count(), lengths, (state, k) -> show(state, train, k));
    }

    private static void show(HopfieldState state, Examples train, int k) {
        state.show(train.inputs()[k], train.targets()[k], train.labels()[k]);
    }

    /**
     * Standard EP, symmetric EP and CHL: per example {@code freeSteps} free sweeps ({@code beta = 0}) to {@code s^0},
     * held as the contrast state (which in symmetric EP relaxes on at {@code -beta}), {@code nudgeSteps} nudged sweeps,
     * one update. The first phase is {@code -}, which the symmetric system runs at {@code -beta}; so in symmetric EP the
     * state's first phase is run by a one-sided system, whose {@code -} phase is free, until the free state is held.
     */
    private PairedPhases<HopfieldState> pairedPhases(EquilibriumPropagation system, Examples train) {
        ShuffledCycle cycle = new ShuffledCycle(train.count());
        FreeFirstPhase phases = new FreeFirstPhase(system);
        PairedPhases.Pairing<HopfieldState> pairing = new PairedPhases.Pairing<>() {
            @Override
            public void prepare(HopfieldState state, HopfieldState contrast, RandomGenerator rng) {
                int k = cycle.next(rng);
                show(state, train, k);
                show(contrast, train, k);
                phases.free = true;
            }

            @Override
            public void hold(HopfieldState state, HopfieldState contrast, RandomGenerator rng) {
                contrast.copyActivationsFrom(state);
                phases.free = false;
            }

            @Override
            public void addContrast(HopfieldState contrast, HopfieldState state, double weight, double[] target) {
                // Through the system, so it knows the update folded itself into the state's cached input drive.
                system.addStatistic(contrast, -weight, target);
                system.addStatistic(state, weight, target);
            }
        };
        return new PairedPhases<>(phases, pairing, Phase.NEGATIVE, config.freeSteps(), config.nudgeSteps())
                .heldSteps(config.mode() == Mode.SYMMETRIC ? config.nudgeSteps() : 0)
                .scale(system.scale());
    }

    /**
     * The paired schemes' system: {@code system}, except that until the pairing holds the free state its {@code -}
     * phase is free ({@code beta = 0}). For standard EP and CHL that is {@code system}'s own {@code -} phase; for
     * symmetric EP it keeps the first phase free, so the {@code +beta} and {@code -beta} phases both start from
     * {@code s^0} (docs/theory.md section 5.1), and only the held copy runs at {@code -beta}.
     */
    private static final class FreeFirstPhase implements ContrastiveSystem<HopfieldState> {
        private final EquilibriumPropagation system;
        private final EquilibriumPropagation oneSided;
        private boolean free;

        FreeFirstPhase(EquilibriumPropagation system) {
            this.system = system;
            this.oneSided = system.nudge() == EquilibriumPropagation.Nudge.SYMMETRIC
                    ? EquilibriumPropagation.of(system.network(), EquilibriumPropagation.Nudge.ONE_SIDED,
                    system.beta()) : system;
        }

        @Override
        public double[] parameters() {
            return system.parameters();
        }

        @Override
        public HopfieldState newState() {
            return system.newState();
        }

        @Override
        public void step(HopfieldState state, Phase phase, RandomGenerator rng) {
            (free && !phase.isPositive() ? oneSided : system).step(state, phase, rng);
        }

        @Override
        public void addStatistic(HopfieldState state, double weight, double[] target) {
            system.addStatistic(state, weight, target);
        }

        @Override
        public void parametersChanged() {
            system.parametersChanged();
        }
    }

    private static void checkShape(HopfieldNetwork network, Examples train) {
        if (train.inputSize() != network.inputSize() || train.targetSize() != network.outputSize()) {
            throw new IllegalArgumentException("examples have " + train.inputSize() + " inputs and "
                    + train.targetSize() + " targets but the network " + network.inputSize() + " and "
                    + network.outputSize());
        }
    }

    /**
     * The fraction of {@code examples} misclassified after {@code sweeps} free sweeps from rest (activations 0) per
     * example; the predicted class is the largest output.
     */
    public static double errorRate(HopfieldNetwork network, Examples examples, int sweeps) {
        HopfieldState state = network.newState();
        int wrong = 0;
        for (int k = 0; k < examples.count(); k++) {
            state.resetActivations();
            state.show(examples.inputs()[k], examples.targets()[k], examples.labels()[k]);
            for (int s = 0; s < sweeps; s++) {
                network.sweep(state, 0, false);
            }
            if (state.predictedClass() != examples.labels()[k]) {
                wrong++;
            }
        }
        return wrong / (double) examples.count();
    }
}
