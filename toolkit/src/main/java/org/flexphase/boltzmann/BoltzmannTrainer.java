package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.PairedPhases;
import org.flexphase.learning.Presentation;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
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
 * <p>Reproducible: all randomness comes from one generator seeded with {@code settings.seed()}; the same seed gives
 * bit-identical parameters. The model is trained in place.
 *
 * <pre>{@code
 * double[][] rows = BarsAndStripes.published4x4();
 * Rbm rbm = Rbm.randomized(16, 16, 0.01, Rngs.create(1));
 * TrainSettings settings = TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withB(0.5).withSwitchProb(0.05)
 *         .withLr(1e-4).withSteps(10_000_000).withEvalEvery(250_000).withSeed(1);
 * TrainingResult result = new BoltzmannTrainer(settings).train(rbm, rows, Histories.boltzmann(DataDistribution.of(rows)));
 * }</pre>
 */
public final class BoltzmannTrainer {
    private final TrainSettings settings;
    private final PhaseProcess process;
    private final LearningRateSchedule schedule;

    /** A trainer with these settings (validated here). */
    public BoltzmannTrainer(TrainSettings settings) {
        this(validated(settings), null);
    }

    private static TrainSettings validated(TrainSettings settings) {
        settings.validate();
        return settings;
    }

    private BoltzmannTrainer(TrainSettings settings, PhaseProcess process) {
        this.settings = settings;
        this.process = process;
        this.schedule = settings.schedule();
    }

    /**
     * This trainer with its phases drawn from {@code process} (each run from a fresh copy) instead of the settings'
     * process ({@link TrainSettings#newPhaseProcess()}): for proofs, studies and notebooks of phase processes a run
     * cannot name. Meant for local mode, where {@code b} and {@code switch_prob} then play no part; in standard mode
     * the pairing of phases is CD-k's whatever the process.
     */
    public BoltzmannTrainer withPhaseProcess(PhaseProcess process) {
        return new BoltzmannTrainer(settings, java.util.Objects.requireNonNull(process, "process"));
    }

    /** The settings. */
    public TrainSettings settings() {
        return settings;
    }

    /** A fresh phase process for a run: a copy of the one given to {@link #withPhaseProcess}, else the settings'. */
    public PhaseProcess newPhaseProcess() {
        return process != null ? process.copy() : settings.newPhaseProcess();
    }

    /** The trainer's settings as an ordered map, as summaries write them. */
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("mode", settings.mode().name().toLowerCase());
        m.put("phase_process", newPhaseProcess().describe());
        m.put("b", settings.b());
        m.put("switch_prob", settings.switchProb());
        m.put("phase_length", settings.phaseLength());
        m.put("cd_k", settings.cdK());
        m.put("lr_schedule", schedule.describe());
        m.put("steps", settings.steps());
        m.put("weight_decay", settings.weightDecay());
        m.put("negative_start", settings.negativeStart().name().toLowerCase());
        m.put("average_from", settings.averageFromStep());
        m.put("average_stride", settings.averageStride());
        m.put("eval_every", settings.evalEvery());
        m.put("exact_stride", settings.exactStride());
        m.put("equilibrium_refresh", settings.equilibriumRefresh());
        m.put("seed", settings.seed());
        return m;
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
     * Runs these settings' learning loop with the parameters frozen: every increment the loop would apply,
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
        if (settings.weightDecay() > 0) {
            throw new IllegalArgumentException("weight-decay must be 0 when summing increments at frozen parameters: "
                    + settings.weightDecay());
        }
        checkRows(model, rows);
        Run run = new Run(model, rows, null, increments);
        run.execute();
        return run.updates;
    }

    /** The state of one run; separate from the settings so a trainer can be reused. */
    private final class Run {
        final BoltzmannMachine model;
        final double[][] rows;
        final TrainingListener listener;
        final LearningLoop loop;
        final double[] target;
        final RandomGenerator rng = Rngs.create(settings.seed());
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
            this.loop = new LearningLoop(model.parameters(), frozenSum, schedule, settings.steps(), settings.evalEvery(),
                    settings.averageFromStep(), settings.averageStride(), this::checkpoint);
            this.target = loop.target();
            this.cycle = new ShuffledCycle(rows.length);
            this.state = model.newState();
        }

        TrainingResult execute() {
            if (loop.begin()) {
                switch (settings.mode()) {
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
            new LocalLearning<>(model, new BoltzmannPresentation(), newPhaseProcess())
                    .afterUpdate(this::decay)
                    .run(loop, state, rng);
        }

        void runStandard() {
            new PairedPhases<>(model, new HeldPositivePairing(), Phase.POSITIVE, settings.cdK(), settings.cdK())
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
            int stride = settings.exactStride();
            while (loop.running()) {
                int charged = (int) Math.min(stride, settings.steps() - loop.step());
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
            if (previous == Phase.NEGATIVE && settings.negativeStart() == NegativeStart.PCD && settings.mode() != TrainingMode.STANDARD) {
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
            switch (settings.negativeStart()) {
                case PERSISTENT -> { }
                case PCD -> {
                    if (storedNegative != null) {
                        state.copyFrom(storedNegative);
                    }
                }
                case EQUILIBRIUM -> {
                    if (sampler == null || loop.step() - samplerBuiltAt > settings.equilibriumRefresh()) {
                        sampler = ExactSampler.of(model);
                        samplerBuiltAt = loop.step();
                    }
                    sampler.sample(state, rng);
                }
            }
        }

        void decay(double eta) {
            if (settings.weightDecay() > 0 && !loop.frozen()) {
                model.scaleCouplings(1.0 - eta * settings.weightDecay());
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
