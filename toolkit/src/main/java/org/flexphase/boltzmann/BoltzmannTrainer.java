package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.PairedPhases;
import org.flexphase.learning.Presentation;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link BoltzmannMachine} on binary data by contrastive learning under a phase process
 * (docs/theory.md section 2). One loop serves ISD and temporally local learning: at every Gibbs step the phase
 * process gives the phase, a new {@code +} phase clamps the next example of a shuffled cycle through the data,
 * a new {@code -} phase starts as {@link NegativeStart} says, the state takes one Gibbs step of the current
 * phase's kernel, and the parameters take {@code theta += eta_t w(z_t) phi(theta, a_t)} with
 * {@code w = +1/rho+, -1/rho-}. Standard CL (CD-k, {@link PairedPhases}) holds the {@code +} state through the
 * {@code -} phase and updates once per pair. Exact mode ascends the enumerated gradient.
 *
 * <p>Reproducible: all randomness comes from one generator seeded with {@code config.seed}; the same seed gives
 * bit-identical parameters. The model is trained in place.
 *
 * <pre>{@code
 * double[][] rows = BarsAndStripes.published4x4();
 * Rbm rbm = Rbm.randomized(16, 16, 0.01, Rngs.create(1));
 * TrainerConfig config = TrainerConfig.builder().mode(TrainingMode.LOCAL).b(0.5).switchProbability(0.05)
 *         .schedule(LearningRateSchedule.constant(1e-4)).steps(10_000_000).evalEvery(250_000).seed(1).build();
 * TrainingResult result = new BoltzmannTrainer(config).train(rbm, rows, Histories.boltzmann(DataDistribution.of(rows)));
 * }</pre>
 */
public final class BoltzmannTrainer {
    private final TrainerConfig config;

    /** A trainer with these settings. */
    public BoltzmannTrainer(TrainerConfig config) {
        this.config = config;
    }

    /** The settings. */
    public TrainerConfig config() {
        return config;
    }

    /** Trains {@code model} in place on {@code rows} (0/1 patterns), calling {@code listener} at each checkpoint. */
    public TrainingResult train(BoltzmannMachine model, double[][] rows, TrainingListener listener) {
        checkRows(model, rows);
        return new Run(model, rows, listener, null).execute();
    }

    private static void checkRows(BoltzmannMachine model, double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        if (rows[0].length != model.visibleCount()) {
            throw new IllegalArgumentException("data rows must have " + model.visibleCount()
                    + " units (the model's visible units): " + rows[0].length);
        }
    }

    /**
     * Runs this configuration's learning loop with the parameters frozen: every increment the loop would apply,
     * {@code w(z_t) phi(theta, a_t)} per Gibbs step (ISD, local) or {@code phi(+) - phi(-)} per CD-k pair
     * (standard) or {@code u(theta)} per exact update, is added at rate 1 into {@code increments} instead of the
     * parameters. The phases, clamping, negative starts and random numbers are those of {@link #train}; only the
     * target of the update differs. Divided by the returned number of updates it estimates the mean update
     * {@code h(theta)} the learning rule follows at these parameters (docs/theory.md T4, T5, T8).
     *
     * @return the number of updates summed (Gibbs steps for ISD and local, pairs for standard, updates for exact)
     */
    public long sumIncrements(BoltzmannMachine model, double[][] rows, double[] increments) {
        if (increments.length != model.parameterCount()) {
            throw new IllegalArgumentException("increments must have " + model.parameterCount()
                    + " entries (the model's parameters): " + increments.length);
        }
        if (config.weightDecay > 0) {
            throw new IllegalArgumentException("weight-decay must be 0 when summing increments at frozen parameters: "
                    + config.weightDecay);
        }
        checkRows(model, rows);
        Run run = new Run(model, rows, null, increments);
        run.execute();
        return run.updates;
    }

    /** The state of one run; separate from the config so a trainer can be reused. */
    private final class Run {
        final BoltzmannMachine model;
        final double[][] rows;
        final TrainingListener listener;
        final LearningLoop loop;
        final double[] target;
        final RandomGenerator rng = Rngs.create(config.seed);
        final ShuffledCycle cycle;
        final BoltzmannState state;
        BoltzmannState storedNegative;
        ExactSampler sampler;
        long samplerBuiltAt = Long.MIN_VALUE;
        long updates;

        Run(BoltzmannMachine model, double[][] rows, TrainingListener listener, double[] frozenSum) {
            this.model = model;
            this.rows = rows;
            this.listener = listener == null ? c -> { } : listener;
            this.loop = new LearningLoop(model.parameters(), frozenSum, config.schedule, config.steps, config.evalEvery,
                    config.averageFrom, config.averageStride, this::checkpoint);
            this.target = loop.target();
            this.cycle = new ShuffledCycle(rows.length);
            this.state = model.newState();
        }

        TrainingResult execute() {
            if (loop.begin()) {
                switch (config.mode) {
                    case STANDARD -> runStandard();
                    case ISD, LOCAL -> runLocal();
                    case EXACT -> runExact();
                }
            }
            loop.finish();
            updates = loop.updates();
            return new TrainingResult(model, averagedModel(), loop.step(), loop.positiveSteps(), loop.negativeSteps(),
                    loop.wallSeconds(), loop.divergence());
        }

        void runLocal() {
            new LocalLearning<>(model, new BoltzmannPresentation(), config.newPhaseProcess())
                    .afterUpdate(this::decay)
                    .run(loop, state, rng);
        }

        void runStandard() {
            new PairedPhases<>(model, new HeldPositivePairing(), Phase.POSITIVE, config.cdK, config.cdK)
                    .afterUpdate(this::decay)
                    .run(loop, state, rng);
        }

        /**
         * CD-k's pairing: clamp the next pattern, hold the {@code +} state while the {@code -} phase starts by the
         * rule, update on {@code phi(held) - phi(state)}, and keep the {@code -} end state for PCD.
         */
        final class HeldPositivePairing implements PairedPhases.Pairing<BoltzmannState> {
            @Override
            public void prepare(BoltzmannState s, BoltzmannState held, RandomGenerator r) {
                startPhase(Phase.POSITIVE, Phase.NEGATIVE);
            }

            @Override
            public void hold(BoltzmannState s, BoltzmannState held, RandomGenerator r) {
                held.copyFrom(s);
                startPhase(Phase.NEGATIVE, Phase.POSITIVE);
            }

            @Override
            public void addContrast(BoltzmannState held, BoltzmannState s, double weight, double[] into) {
                model.addStatistic(held, weight, into);
                model.addStatistic(s, -weight, into);
                storedNegative = storedNegative == null ? s.copy() : storedNegative;
                storedNegative.copyFrom(s);
            }
        }

        void runExact() {
            DataDistribution data = DataDistribution.of(rows);
            double[] u = new double[target.length];
            int stride = config.exactStride;
            while (loop.running()) {
                int charged = (int) Math.min(stride, config.steps - loop.step());
                double eta = loop.rate();
                ExactAnalysis.gradient(model, data, u);
                for (int p = 0; p < target.length; p++) {
                    target[p] += eta * u[p];
                }
                loop.countUpdate();
                decay(eta);
                loop.advance(Phase.POSITIVE, charged);
            }
        }

        /** A Boltzmann machine's world: a {@code +} phase clamps the next pattern, a {@code -} phase starts by the rule. */
        final class BoltzmannPresentation implements Presentation<BoltzmannState> {
            Phase previous;

            @Override
            public void beforeStep(BoltzmannState s, Phase z, boolean phaseBegan, RandomGenerator r) {
                if (phaseBegan) {
                    startPhase(z, previous);
                }
                previous = z;
            }
        }

        /** Applies the start rule of a newly begun phase. Storing for PCD happens when a negative phase ends. */
        void startPhase(Phase z, Phase previous) {
            if (previous == Phase.NEGATIVE && config.negativeStart == NegativeStart.PCD && config.mode != TrainingMode.STANDARD) {
                if (storedNegative == null) {
                    storedNegative = state.copy();
                } else {
                    storedNegative.copyFrom(state);
                }
            }
            if (z.isPositive()) {
                state.clamp(rows[cycle.next(rng)]);
                return;
            }
            switch (config.negativeStart) {
                case PERSISTENT -> { }
                case PCD -> {
                    if (storedNegative != null) {
                        state.copyFrom(storedNegative);
                    }
                }
                case EQUILIBRIUM -> {
                    if (sampler == null || loop.step() - samplerBuiltAt > config.equilibriumRefresh) {
                        sampler = ExactSampler.of(model);
                        samplerBuiltAt = loop.step();
                    }
                    sampler.sample(state, rng);
                }
            }
        }

        void decay(double eta) {
            if (config.weightDecay > 0 && !loop.frozen()) {
                model.scaleCouplings(1.0 - eta * config.weightDecay);
            }
        }

        void checkpoint(LearningLoop l) {
            listener.onCheckpoint(new TrainingListener.Checkpoint(l.step(), model.copy(), averagedModel(),
                    l.positiveSteps(), l.negativeSteps()));
        }

        BoltzmannMachine averagedModel() {
            BoltzmannMachine avg = model.copy();
            double[] mean = loop.averagedParameters();
            System.arraycopy(mean, 0, avg.parameters(), 0, mean.length);
            return avg;
        }
    }
}
