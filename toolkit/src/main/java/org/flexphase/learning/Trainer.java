package org.flexphase.learning;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.exact.DataDistribution;
import org.flexphase.exact.ExactAnalysis;
import org.flexphase.exact.ExactSampler;
import org.flexphase.models.BoltzmannMachine;
import org.flexphase.models.NetworkState;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link BoltzmannMachine} on binary data by contrastive learning under a phase process
 * (docs/theory.md section 2). One loop serves ISD and temporally local learning: at every Gibbs step the phase
 * process gives the phase, a new {@code +} phase clamps the next example of a shuffled cycle through the data,
 * a new {@code -} phase starts as {@link NegativeStart} says, the state takes one Gibbs step of the current
 * phase's kernel, and the parameters take {@code theta += eta_t w(z_t) phi(theta, a_t)} with
 * {@code w = +1/rho+, -1/rho-}. Standard CL (CD-k) holds the {@code +} state through the {@code -} phase and
 * updates once per pair. Exact mode ascends the enumerated gradient.
 *
 * <p>Reproducible: all randomness comes from one generator seeded with {@code config.seed}; the same seed gives
 * bit-identical parameters. The model is trained in place.
 *
 * <pre>{@code
 * double[][] rows = BarsAndStripes.published4x4();
 * Rbm rbm = Rbm.randomized(16, 16, 0.01, Rngs.create(1));
 * TrainerConfig config = TrainerConfig.builder().mode(TrainingMode.LOCAL).b(0.5).switchProbability(0.05)
 *         .schedule(LearningRateSchedule.constant(1e-4)).steps(10_000_000).evalEvery(250_000).seed(1).build();
 * TrainingResult result = new Trainer(config).train(rbm, rows, Histories.boltzmann(DataDistribution.of(rows)));
 * }</pre>
 */
public final class Trainer {
    /** How often (in steps) parameters are checked for NaN/Inf between checkpoints. */
    private static final long FINITE_CHECK_EVERY = 1 << 16;

    private final TrainerConfig config;

    /** A trainer with these settings. */
    public Trainer(TrainerConfig config) {
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
        final double[] theta;
        /** Where increments go: the parameters when learning, a separate sum when they are frozen. */
        final double[] target;
        final boolean frozen;
        long updates;
        final RandomGenerator rng = Rngs.create(config.seed);
        final ShuffledCycle cycle;
        final ParameterAverage average;
        final NetworkState state;
        NetworkState storedNegative;
        ExactSampler sampler;
        long samplerBuiltAt = Long.MIN_VALUE;
        long step;
        long positiveSteps;
        long negativeSteps;
        long nextCheckpoint;
        double[] lastFinite;
        String divergence;

        Run(BoltzmannMachine model, double[][] rows, TrainingListener listener, double[] frozenSum) {
            this.model = model;
            this.rows = rows;
            this.listener = listener == null ? c -> { } : listener;
            this.theta = model.parameters();
            this.frozen = frozenSum != null;
            this.target = frozen ? frozenSum : theta;
            this.cycle = new ShuffledCycle(rows.length);
            this.average = new ParameterAverage(theta.length, config.averageFrom, config.averageStride);
            this.state = model.newState();
            this.lastFinite = theta.clone();
        }

        TrainingResult execute() {
            long start = System.nanoTime();
            checkpoint();
            if (!Checks.allFinite(theta)) {
                // Reported here rather than at the first periodic check: nothing was trained, the start was already bad.
                divergence = "parameters are NaN or infinite at step 0, before any training (initial weights too large?)";
                return new TrainingResult(model, averagedModel(), 0, 0, 0, (System.nanoTime() - start) / 1e9, divergence);
            }
            switch (config.mode) {
                case STANDARD -> runStandard();
                case ISD, LOCAL -> runLocal();
                case EXACT -> runExact();
            }
            if (divergence == null && step != lastCheckpointStep) {
                checkpoint();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            if (divergence != null) {
                System.arraycopy(lastFinite, 0, theta, 0, theta.length);
            }
            return new TrainingResult(model, averagedModel(), step, positiveSteps, negativeSteps, wall, divergence);
        }

        long lastCheckpointStep = -1;

        void runLocal() {
            PhaseProcess process = config.newPhaseProcess();
            double wPlus = process.weight(Phase.POSITIVE);
            double wMinus = process.weight(Phase.NEGATIVE);
            Phase previous = null;
            while (step < config.steps && divergence == null) {
                Phase z = process.next(rng);
                if (process.startedNewPhase()) {
                    startPhase(z, previous);
                }
                previous = z;
                double eta = rate();
                model.gibbsStepAndAddStatistic(state, z, rng, eta * (z.isPositive() ? wPlus : wMinus), target);
                updates++;
                decay(eta);
                countAndObserve(z, 1);
            }
        }

        void runStandard() {
            int k = config.cdK;
            NetworkState held = model.newState();
            while (step + 2L * k <= config.steps && divergence == null) {
                startPhase(Phase.POSITIVE, Phase.NEGATIVE);
                for (int s = 0; s < k; s++) {
                    model.gibbsStep(state, Phase.POSITIVE, rng);
                }
                held.copyFrom(state);
                startPhase(Phase.NEGATIVE, Phase.POSITIVE);
                for (int s = 0; s < k; s++) {
                    model.gibbsStep(state, Phase.NEGATIVE, rng);
                }
                double eta = rate();
                model.addStatistic(held, eta, target);
                model.addStatistic(state, -eta, target);
                updates++;
                decay(eta);
                storedNegative = storedNegative == null ? state.copy() : storedNegative;
                storedNegative.copyFrom(state);
                countAndObserve(Phase.POSITIVE, k);
                countAndObserve(Phase.NEGATIVE, k);
            }
        }

        void runExact() {
            DataDistribution data = DataDistribution.of(rows);
            double[] u = new double[theta.length];
            int stride = config.exactStride;
            while (step < config.steps && divergence == null) {
                int charged = (int) Math.min(stride, config.steps - step);
                double eta = rate();
                ExactAnalysis.gradient(model, data, u);
                for (int p = 0; p < theta.length; p++) {
                    target[p] += eta * u[p];
                }
                updates++;
                decay(eta);
                countAndObserve(Phase.POSITIVE, charged);
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
                    if (sampler == null || step - samplerBuiltAt > config.equilibriumRefresh) {
                        sampler = ExactSampler.of(model);
                        samplerBuiltAt = step;
                    }
                    sampler.sample(state, rng);
                }
            }
        }

        /** The schedule's rate at this step; 1 when the parameters are frozen and increments are summed. */
        double rate() {
            return frozen ? 1.0 : config.schedule.rate(step);
        }

        void decay(double eta) {
            if (config.weightDecay > 0 && !frozen) {
                model.scaleCouplings(1.0 - eta * config.weightDecay);
            }
        }

        /** Advances the step counter by {@code n} Gibbs steps of phase {@code z}; averages, checks and checkpoints. */
        void countAndObserve(Phase z, long n) {
            for (long s = 0; s < n; s++) {
                step++;
                average.observe(step, theta);
            }
            if (z.isPositive()) {
                positiveSteps += n;
            } else {
                negativeSteps += n;
            }
            if (step % FINITE_CHECK_EVERY < n && !Checks.allFinite(theta)) {
                divergence = "parameters became NaN or infinite by Gibbs step " + step
                        + "; stopped, keeping the results up to the last checkpoint (step " + lastCheckpointStep + ")";
                return;
            }
            if (step >= nextCheckpoint || step >= config.steps) {
                if (!Checks.allFinite(theta)) {
                    divergence = "parameters became NaN or infinite by Gibbs step " + step
                            + "; stopped, keeping the results up to the last checkpoint (step " + lastCheckpointStep + ")";
                    return;
                }
                checkpoint();
            }
        }

        void checkpoint() {
            System.arraycopy(theta, 0, lastFinite, 0, theta.length);
            lastCheckpointStep = step;
            nextCheckpoint = (step / config.evalEvery + 1) * config.evalEvery;
            listener.onCheckpoint(new TrainingListener.Checkpoint(step, model.copy(), averagedModel(),
                    positiveSteps, negativeSteps));
        }

        BoltzmannMachine averagedModel() {
            BoltzmannMachine avg = model.copy();
            double[] mean = average.meanOr(theta);
            System.arraycopy(mean, 0, avg.parameters(), 0, mean.length);
            return avg;
        }
    }
}
