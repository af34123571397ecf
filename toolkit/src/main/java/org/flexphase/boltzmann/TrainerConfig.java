package org.flexphase.boltzmann;

import org.flexphase.learning.LearningLoop;

import org.flexphase.learning.LearningRateSchedule;

import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.PeriodicPhaseProcess;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.util.Checks;

/**
 * Everything a {@link BoltzmannTrainer} needs besides the model and data: mode, phase settings, rate schedule, budget in
 * Gibbs steps, regularisation, averaging, evaluation cadence and seed. Built with {@link #builder()}; every
 * setting is validated in {@link Builder#build()} with a message naming it.
 *
 * <pre>{@code
 * TrainerConfig standard = TrainerConfig.builder().mode(TrainingMode.STANDARD).cdK(1)
 *         .schedule(LearningRateSchedule.constant(4e-4)).steps(2_000_000).seed(1).build();
 * }</pre>
 */
public final class TrainerConfig {
    /** The {@code averageFrom} that starts the Polyak average at half the steps. */
    public static final long AVERAGE_FROM_HALF = LearningLoop.AVERAGE_FROM_HALF;
    /** A builder's initial values: the defaults of every front end ({@code train}, sweep specs). */
    public static final TrainerConfig DEFAULTS = builder().build();

    /** Learning mode. */
    public final TrainingMode mode;
    /** Probability that a new phase is {@code +}. */
    public final double b;
    /** Probability per step of a new phase (local mode). */
    public final double switchProbability;
    /** Phase length of standard and ISD modes. */
    public final int phaseLength;
    /** Gibbs steps per phase of standard CD-k. */
    public final int cdK;
    /** Learning rate schedule. */
    public final LearningRateSchedule schedule;
    /** Gibbs steps in total. */
    public final long steps;
    /** L2 weight decay per update. */
    public final double weightDecay;
    /** Where {@code -} phases start. */
    public final NegativeStart negativeStart;
    /** First step of the Polyak average. */
    public final long averageFrom;
    /** Every how many steps the average takes the parameters. */
    public final int averageStride;
    /** Gibbs steps between checkpoints. */
    public final long evalEvery;
    /** Gibbs steps charged per exact update. */
    public final int exactStride;
    /** Steps an exact equilibrium sampler is reused. */
    public final long equilibriumRefresh;
    /** Seed of the run. */
    public final long seed;
    private final PhaseProcess customProcess;

    private TrainerConfig(Builder b) {
        this.mode = b.mode;
        this.b = b.b;
        this.switchProbability = b.switchProbability;
        this.phaseLength = b.phaseLength;
        this.cdK = b.cdK;
        this.schedule = b.schedule;
        this.steps = b.steps;
        this.weightDecay = b.weightDecay;
        this.negativeStart = b.negativeStart;
        this.averageFrom = b.averageFrom;
        this.averageStride = b.averageStride;
        this.evalEvery = b.evalEvery;
        this.exactStride = b.exactStride;
        this.equilibriumRefresh = b.equilibriumRefresh;
        this.seed = b.seed;
        this.customProcess = b.process;
    }

    /** A builder with the defaults of the BAS experiment. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fresh phase process for this configuration: the custom one if set (copied), else periodic CD-k
     * (standard), random-type blocks (ISD) or geometric switching (local).
     */
    public PhaseProcess newPhaseProcess() {
        if (customProcess != null) {
            return customProcess.copy();
        }
        return switch (mode) {
            case STANDARD -> PeriodicPhaseProcess.of(cdK);
            case ISD -> RandomBlockPhaseProcess.of(b, phaseLength);
            case LOCAL, EXACT -> GeometricPhaseProcess.of(b, switchProbability);
        };
    }

    /** A builder preset with these settings. */
    public Builder toBuilder() {
        Builder x = new Builder();
        x.mode = mode;
        x.b = b;
        x.switchProbability = switchProbability;
        x.phaseLength = phaseLength;
        x.cdK = cdK;
        x.schedule = schedule;
        x.steps = steps;
        x.weightDecay = weightDecay;
        x.negativeStart = negativeStart;
        x.averageFrom = averageFrom;
        x.averageStride = averageStride;
        x.evalEvery = evalEvery;
        x.exactStride = exactStride;
        x.equilibriumRefresh = equilibriumRefresh;
        x.seed = seed;
        x.process = customProcess;
        return x;
    }

    /** The settings as an ordered map, for summaries. */
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("mode", mode.name().toLowerCase());
        m.put("phase_process", newPhaseProcess().describe());
        m.put("b", b);
        m.put("switch_prob", switchProbability);
        m.put("phase_length", phaseLength);
        m.put("cd_k", cdK);
        m.put("lr_schedule", schedule.describe());
        m.put("steps", steps);
        m.put("weight_decay", weightDecay);
        m.put("negative_start", negativeStart.name().toLowerCase());
        m.put("average_from", averageFrom);
        m.put("average_stride", averageStride);
        m.put("eval_every", evalEvery);
        m.put("exact_stride", exactStride);
        m.put("equilibrium_refresh", equilibriumRefresh);
        m.put("seed", seed);
        return m;
    }

    /** Builder with the defaults of the BAS experiment. */
    public static final class Builder {
        private TrainingMode mode = TrainingMode.LOCAL;
        private double b = 0.5;
        private double switchProbability = 0.05;
        private int phaseLength = 20;
        private int cdK = 1;
        private LearningRateSchedule schedule = LearningRateSchedule.constant(1e-4);
        private long steps = 200_000;
        private double weightDecay = 0;
        private NegativeStart negativeStart = NegativeStart.PERSISTENT;
        private long averageFrom = AVERAGE_FROM_HALF;
        private int averageStride = 16;
        private long evalEvery = 5_000;
        private int exactStride = 1_000;
        private long equilibriumRefresh = 0;
        private long seed = 1;
        private PhaseProcess process;

        private Builder() {
        }

        /** Standard CD-k, ISD, temporally local or exact ascent. */
        public Builder mode(TrainingMode v) { mode = v; return this; }
        /** Probability that a new phase is {@code +}. */
        public Builder b(double v) { b = v; return this; }
        /** Per-step switching probability of the geometric process (local mode). */
        public Builder switchProbability(double v) { switchProbability = v; return this; }
        /** Phase length of ISD blocks. */
        public Builder phaseLength(int v) { phaseLength = v; return this; }
        /** Gibbs steps per phase in standard (CD-k) mode. */
        public Builder cdK(int v) { cdK = v; return this; }
        /** The learning rate per step (ISD, local, exact) or per update (standard). */
        public Builder schedule(LearningRateSchedule v) { schedule = v; return this; }
        /** Budget in Gibbs steps (a CD-k update counts 2k). */
        public Builder steps(long v) { steps = v; return this; }
        /** L2 weight decay {@code lambda} on couplings: {@code W <- (1 - eta lambda) W} each learning step. */
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        /** Where a {@code -} phase starts: the last clamped state, exact equilibrium, or persistent chains. */
        public Builder negativeStart(NegativeStart v) { negativeStart = v; return this; }
        /** First step included in the parameter average; negative means half the budget. */
        public Builder averageFrom(long v) { averageFrom = v; return this; }
        /** Every how many steps the average takes the parameters. */
        public Builder averageStride(int v) { averageStride = v; return this; }
        /** Gibbs steps between checkpoints. */
        public Builder evalEvery(long v) { evalEvery = v; return this; }
        /** Exact mode: Gibbs steps charged per exact-gradient update, whose step size is the schedule's rate. */
        public Builder exactStride(int v) { exactStride = v; return this; }
        /** With equilibrium starts: rebuild the exact sampler at most every this many steps (0 = at every negative phase). */
        public Builder equilibriumRefresh(long v) { equilibriumRefresh = v; return this; }
        /** Seed of every random choice of the run. */
        public Builder seed(long v) { seed = v; return this; }
        /** Any phase process (local mode); overrides b and the switching probability. */
        public Builder process(PhaseProcess v) { process = v; return this; }

        /** The checked configuration. */
        public TrainerConfig build() {
            if (mode == null) {
                throw new IllegalArgumentException("mode must be one of standard, isd, local, exact: null");
            }
            Checks.requireOpenProbability(b, "b");
            Checks.requireHalfOpenProbability(switchProbability, "switch-prob");
            Checks.requireAtLeast(phaseLength, 1, "phase-length");
            Checks.requireAtLeast(cdK, 1, "cd-k");
            Checks.requireAtLeast(steps, 1L, "steps");
            Checks.requireNonNegative(weightDecay, "weight-decay");
            Checks.requireAtLeast(averageStride, 1, "average-stride");
            Checks.requireAtLeast(evalEvery, 1L, "eval-every");
            Checks.requireAtLeast(exactStride, 1, "exact-stride");
            Checks.requireAtLeast(equilibriumRefresh, 0L, "equilibrium-refresh");
            if (schedule == null) {
                throw new IllegalArgumentException("schedule must be set: null");
            }
            if (averageFrom < 0) {
                averageFrom = steps / 2;
            }
            return new TrainerConfig(this);
        }
    }
}
