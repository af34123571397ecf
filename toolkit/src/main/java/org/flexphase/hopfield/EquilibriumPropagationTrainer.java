package org.flexphase.hopfield;

import org.flexphase.util.InvalidSetting;

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
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
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
 * Settings are an {@link EpSettings}. Reproducible: one generator seeded with {@code seed} (the example order, presentation lengths and phases).
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

    private final EpSettings settings;
    private final LengthLaw presentationLaw;
    private final PhaseProcess phaseProcess;
    private final EpSettings.Budget budget;

    /**
     * A trainer with these settings (validated here). Budget, checkpoint interval and rate schedule follow from them
     * and the number of training examples ({@link EpSettings#budget}); LOCAL mode presents examples by
     * {@link EpSettings#presentationLaw()} and switches phases geometrically ({@code b}, {@code switch_prob}).
     */
    public EquilibriumPropagationTrainer(EpSettings settings) {
        settings.validate();
        this.settings = settings;
        this.presentationLaw = settings.presentationLaw();
        this.phaseProcess = GeometricPhaseProcess.of(settings.b(), settings.switchProb());
        this.budget = null;
    }

    private EquilibriumPropagationTrainer(EpSettings settings, LengthLaw presentationLaw, PhaseProcess phaseProcess,
                                          EpSettings.Budget budget) {
        this.settings = settings;
        this.presentationLaw = presentationLaw;
        this.phaseProcess = phaseProcess;
        this.budget = budget;
    }

    /**
     * This trainer with LOCAL mode's example lengths drawn from {@code law} instead of the settings' presentation law:
     * for proofs and studies that need a length law a run cannot name (a run has {@code presentation} and
     * {@code free_steps + nudge_steps}). The rate stays per example: LOCAL applies {@code lr / law.mean()} per sweep.
     */
    public EquilibriumPropagationTrainer withPresentationLaw(LengthLaw law) {
        return new EquilibriumPropagationTrainer(settings, java.util.Objects.requireNonNull(law, "law"), phaseProcess,
                budget);
    }

    /**
     * This trainer with LOCAL mode's phases drawn from {@code process} instead of the settings' geometric process
     * ({@code b}, {@code switch_prob}): for proofs and studies of phase processes a run cannot name.
     */
    public EquilibriumPropagationTrainer withPhaseProcess(PhaseProcess process) {
        return new EquilibriumPropagationTrainer(settings, presentationLaw,
                java.util.Objects.requireNonNull(process, "process"), budget);
    }

    /**
     * This trainer with {@code budget} (steps, checkpoint interval, rate schedule) instead of the one that follows
     * from the settings and the example count: for proofs that check the rate an update takes under a schedule a
     * run cannot name, or a budget shorter than an epoch.
     */
    public EquilibriumPropagationTrainer withBudget(EpSettings.Budget budget) {
        java.util.Objects.requireNonNull(budget, "budget");
        InvalidSetting.requireAtLeast("steps", budget.steps(), 1);
        InvalidSetting.requireAtLeast("eval_every", budget.evalEvery(), 1);
        return new EquilibriumPropagationTrainer(settings, presentationLaw, phaseProcess,
                budget);
    }

    /** The settings. */
    public EpSettings settings() {
        return settings;
    }

    /** The example-length law of LOCAL mode. */
    public LengthLaw presentationLaw() {
        return presentationLaw;
    }

    /** The phase process of LOCAL mode (each run draws from a fresh {@link PhaseProcess#copy()} of it). */
    public PhaseProcess phaseProcess() {
        return phaseProcess;
    }

    /** The contrastive system the mode trains. */
    public EquilibriumPropagation system(HopfieldNetwork network) {
        EquilibriumPropagation system = EquilibriumPropagation.of(network, settings.mode().nudge(),
                settings.beta());
        return settings.mode() == Mode.LOCAL
                ? system.withSweepsPerStep(settings.sweepsPerStep())
                        .withTrace(settings.traceTau(), settings.gate(), settings.hold())
                        .withCommitAtSwitch(settings.commitAtSwitch()) : system;
    }

    /**
     * Trains {@code network} in place on {@code train}; {@code listener} is told at step 0, every {@code evalEvery}
     * sweeps and at the end. Returns the loop (steps, updates, divergence, wall time).
     */
    public LearningLoop train(HopfieldNetwork network, Examples train, LearningLoop.CheckpointListener listener) {
        checkShape(network, train);
        EpSettings.Budget budget = this.budget != null ? this.budget : settings.budget(train.count());
        LearningLoop loop = new LearningLoop(network.parameters(), null, budget.schedule(), budget.steps(),
                budget.evalEvery(), Long.MAX_VALUE, 1, listener);
        if (loop.begin()) {
            run(network, train, loop);
        }
        loop.finish();
        network.parametersChanged();
        return loop;
    }

    /**
     * Runs these settings with the parameters frozen for {@code steps} sweeps, adding every increment at rate 1
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
        RandomGenerator rng = Rngs.create(settings.seed());
        EquilibriumPropagation system = system(network);
        if (settings.mode() == Mode.LOCAL) {
            ExamplePresentation<HopfieldState> presentation = presentation(train, presentationLaw);
            double perExample = loop.frozen() ? 1 : 1.0 / presentationLaw.mean();
            new LocalLearning<>(system, presentation, phaseProcess.copy()).scale(system.scale() * perExample)
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
        return new PairedPhases<>(phases, pairing, Phase.NEGATIVE, settings.freeSteps(), settings.nudgeSteps())
                .heldSteps(settings.mode() == Mode.SYMMETRIC ? settings.nudgeSteps() : 0)
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
