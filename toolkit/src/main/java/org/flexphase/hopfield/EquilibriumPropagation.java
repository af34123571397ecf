package org.flexphase.hopfield;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;
import org.flexphase.util.InvalidSetting;

/**
 * A {@link HopfieldNetwork} as a {@link ContrastiveSystem} (docs/theory.md section 5.1): the phase decides the
 * nudge, one time step is {@code sweepsPerStep} relaxation sweeps of that phase's total energy, and the statistic is
 * {@code phi = -dE/dtheta}. The {@code +} phase is the nudged one ({@code beta}, or the output clamped to the target
 * for Contrastive Hebbian learning), the {@code -} phase the free one ({@code beta = 0}), or the opposite nudge
 * {@code -beta} for symmetric EP. {@link #scale()} is the family's normalisation: {@code 1/beta}, {@code 1/(2 beta)}
 * for symmetric EP, 1 for CHL; with it the contrast of phi between the phases is the EP estimator.
 *
 * <p>The state is never reset by the system: relaxation is persistent, and the example is changed from outside
 * (a {@link org.flexphase.learning.ExamplePresentation}).
 */
public final class EquilibriumPropagation implements ContrastiveSystem<HopfieldState> {
    /** How the two phases nudge the output. */
    public enum Nudge {
        /** {@code +}: nudged with {@code beta}; {@code -}: free. */
        ONE_SIDED,
        /** {@code +}: nudged with {@code beta}; {@code -}: nudged with {@code -beta}. */
        SYMMETRIC,
        /** {@code +}: output clamped to the target (Contrastive Hebbian learning); {@code -}: free. */
        CLAMPED
    }

    private final HopfieldNetwork network;
    private final Nudge nudge;
    private final double beta;
    private final int sweepsPerStep;
    private final double traceTau;
    private final TraceGate gate;
    private final int holdAfter;
    private final int nudgedSettle;
    private final int freeSettle;
    private final boolean commitAtSwitch;
    private boolean updatedItself;

    /**
     * The one rule for the activity trace's time constant, in sweeps: 0 turns it off; otherwise it must be at least
     * one sweep (a shorter trace would follow the activity it is meant to average) and finite.
     */
    public static double requireTraceTau(String key, double traceTau) {
        InvalidSetting.require(traceTau == 0 || (traceTau >= 1 && Double.isFinite(traceTau)), key, traceTau,
                "0 (off) or a finite value >= 1");
        return traceTau;
    }

    private EquilibriumPropagation(HopfieldNetwork network, Nudge nudge, double beta, int sweepsPerStep,
                                   double traceTau, TraceGate gate, int holdAfter, int nudgedSettle,
                                   int freeSettle, boolean commitAtSwitch) {
        this.network = network;
        this.holdAfter = Checks.requireAtLeast(holdAfter, 0, "hold-after");
        InvalidSetting.requireAtLeast("trace-settle-nudged", nudgedSettle, 0);
        InvalidSetting.requireAtLeast("trace-settle-free", freeSettle, 0);
        InvalidSetting.require(nudgedSettle + (long) freeSettle == 0 || traceTau > 0 && gate != TraceGate.ALWAYS,
                "trace-settle", nudgedSettle + "," + freeSettle, "0,0 unless the trace is phase-gated (trace-tau > 0 "
                        + "and gate free-only or free-only-nudged-term)");
        InvalidSetting.require(!commitAtSwitch || traceTau > 0 && gate == TraceGate.FREE_ONLY_NUDGED_TERM,
                "trace-commit", "at-switch", "only with the nudged-term rule (trace-tau > 0, gate "
                        + "free-only-nudged-term)");
        this.nudgedSettle = nudgedSettle;
        this.freeSettle = freeSettle;
        this.commitAtSwitch = commitAtSwitch;
        this.traceTau = traceTau;
        this.gate = java.util.Objects.requireNonNull(gate, "gate");
        requireTraceTau("trace-tau", traceTau);
        this.nudge = nudge;
        this.beta = beta;
        this.sweepsPerStep = Checks.requireAtLeast(sweepsPerStep, 1, "sweeps-per-step");
        if (nudge != Nudge.CLAMPED && !(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1) (the -beta phase needs 1 - beta > 0): " + beta);
        }
    }

    /** One-sided EP with nudge {@code beta}, one sweep per time step. */
    public static EquilibriumPropagation of(HopfieldNetwork network, Nudge nudge, double beta) {
        return new EquilibriumPropagation(network, nudge, beta, 1, 0, TraceGate.ALWAYS, 0, 0, 0, false);
    }

    /**
     * The same system with {@code sweeps} relaxation sweeps per time step: many sweeps relax each phase to its fixed
     * point within a step (the equilibrated setting of T12); one sweep is the persistent physical system.
     */
    public EquilibriumPropagation withSweepsPerStep(int sweeps) {
        return new EquilibriumPropagation(network, nudge, beta, sweeps, traceTau, gate, holdAfter, nudgedSettle,
                freeSettle, commitAtSwitch);
    }

    /**
     * The same system with its statistic centred on a slow activity trace of time constant {@code tau} steps (0: off):
     * {@code phi - phi(r)}, a control variate for learning at every step (docs/theory.md section 5.1). Since
     * {@code E[w(z)] = 0} a baseline that does not depend on the current phase leaves the mean update unchanged; the
     * trace sees the current phase only through the last ~1/p steps, a bias of order 1/(tau p).
     */
    public EquilibriumPropagation withTrace(double tau) {
        return new EquilibriumPropagation(network, nudge, beta, sweepsPerStep, tau, TraceGate.ALWAYS, 0, 0, 0, false);
    }

    /**
     * The same system with the statistic centred on an activity trace of time constant {@code tau} steps that takes
     * in the state as {@code gate} says (docs/theory.md section 5.3). With {@link TraceGate#FREE_ONLY} the trace is
     * a sample-and-hold of the free state, so a nudged step's centred statistic is close to the paired estimator
     * {@code phi(s^beta) - phi(s^0)} and a free step's close to 0; with {@link TraceGate#FREE_ONLY_NUDGED_TERM} only
     * nudged steps learn, weighted {@code 1/rho+}: its mean is {@code E+[phi(s) - phi(r)]}, the paired EP estimator up
     * to the transients (after a switch, after an example change). {@code gate = ALWAYS} is {@link #withTrace(double)}.
     * Storage: one number per unit (the trace), the same as standard EP's held free state.
     */
    public EquilibriumPropagation withTrace(double tau, TraceGate gate) {
        return new EquilibriumPropagation(network, nudge, beta, sweepsPerStep, tau, gate, 0, 0, 0, false);
    }

    /**
     * As {@link #withTrace(double, TraceGate)}, and a nudged step learns only once {@code holdAfter} free steps of the
     * current example have run (their states taken in by the trace): the hold is valid for this example, as a
     * sample-and-hold circuit's is once it has sampled the current input. 0: no condition. Since the presentation is
     * independent of the phases, the condition keeps the same fraction of every example's nudged steps on average, so
     * the mean is the unconditioned one's without the stale-trace part, times that fraction (docs/theory.md 5.3).
     */
    public EquilibriumPropagation withTrace(double tau, TraceGate gate, int holdAfter) {
        return new EquilibriumPropagation(network, nudge, beta, sweepsPerStep, tau, gate, holdAfter, 0, 0, false);
    }

    /**
     * The same gated-trace system with a phase-age condition (docs/theory.md section 5.3): a nudged step learns only
     * once {@code nudged} earlier steps of its nudged phase have run (the nudged state has relaxed towards
     * {@code s^beta}) and only if the last free step, whose state the trace took in last, had {@code free} earlier
     * steps of its free phase before it (the held state had relaxed back from {@code s^beta}). A phase's age counts
     * the consecutive steps of the same phase type (a new phase of the same type changes no dynamics). Free steps
     * are not affected. 0, 0: no condition (the default). Needs a phase-gated trace.
     */
    public EquilibriumPropagation withPhaseSettle(int nudged, int free) {
        return new EquilibriumPropagation(network, nudge, beta, sweepsPerStep, traceTau, gate, holdAfter, nudged,
                free, commitAtSwitch);
    }

    /**
     * The same nudged-term system, with the nudged steps' increments applied at the end of their nudged phase instead
     * of at every step (docs/theory.md section 5.3): a learning nudged step adds its weight to a pending sum, and
     * the first free step after the phase applies the sum to the last nudged state, {@code pending (phi(s) - phi(r))},
     * before its own sweeps, and so does a new example before its input replaces the old one (the hold condition
     * already knows when the input changes). The weights stay fixed while a nudged phase runs, so a step's update
     * cannot push the current example's nudged state further from the held free state (through {@code W_1^T x},
     * amplified by {@code |x|^2}) before the next step learns from it. Storage: one number per network. With
     * equilibrated phases every step's increment is applied unchanged (same fixed point, same held trace), so the
     * mean update is the per-step rule's exactly.
     */
    public EquilibriumPropagation withCommitAtSwitch(boolean commit) {
        return new EquilibriumPropagation(network, nudge, beta, sweepsPerStep, traceTau, gate, holdAfter, nudgedSettle,
                freeSettle, commit);
    }

    /** Whether nudged steps' increments are applied at the end of their phase ({@link #withCommitAtSwitch}). */
    public boolean commitsAtSwitch() {
        return commitAtSwitch;
    }

    /** Earlier steps of its nudged phase a nudged step waits for before it learns (0: none). */
    public int nudgedSettle() {
        return nudgedSettle;
    }

    /** Earlier steps of its free phase the held free step must have had for a nudged step to learn (0: none). */
    public int freeSettle() {
        return freeSettle;
    }

    /** Free steps of the current example a nudged step waits for before it learns (0: none). */
    public int holdAfter() {
        return holdAfter;
    }

    public double traceTau() {
        return traceTau;
    }

    /** When the trace takes in the state ({@link TraceGate#ALWAYS} when there is no trace). */
    public TraceGate traceGate() {
        return gate;
    }

    public HopfieldNetwork network() {
        return network;
    }

    public Nudge nudge() {
        return nudge;
    }

    public double beta() {
        return beta;
    }

    /** The factor that turns the phase contrast of phi into the EP estimator: 1/beta, 1/(2 beta) or 1 (CHL). */
    public double scale() {
        return switch (nudge) {
            case ONE_SIDED -> 1.0 / beta;
            case SYMMETRIC -> 1.0 / (2 * beta);
            case CLAMPED -> 1.0;
        };
    }

    /** The nudge strength of {@code phase}'s total energy (0 for a free phase; ignored when clamped). */
    public double nudgeOf(Phase phase) {
        if (phase.isPositive()) {
            return nudge == Nudge.CLAMPED ? 0 : beta;
        }
        return nudge == Nudge.SYMMETRIC ? -beta : 0;
    }

    @Override
    public double[] parameters() {
        return network.parameters();
    }

    @Override
    public HopfieldState newState() {
        return network.newState();
    }

    /** {@code sweepsPerStep} sweeps of {@code phase}'s relaxation; consumes no random numbers. */
    @Override
    public void step(HopfieldState state, Phase phase, RandomGenerator rng) {
        boolean clamp = phase.isPositive() && nudge == Nudge.CLAMPED;
        double b = nudgeOf(phase);
        if (traceTau > 0) {
            state.advancePhaseAge(!phase.isPositive());
            if (gate == TraceGate.ALWAYS) {
                state.updateTrace(traceTau);
            } else {
                state.updateGatedTrace(traceTau, !phase.isPositive());
            }
        }
        for (int k = 0; k < sweepsPerStep; k++) {
            network.sweep(state, b, clamp);
        }
    }

    /** As {@link #step} then {@link #addStatistic}, with the weight 0 in free steps of the nudged-term rule. */
    @Override
    public void stepAndAddStatistic(HopfieldState state, Phase phase, RandomGenerator rng, double weight,
                                    double[] target) {
        boolean free = !phase.isPositive();
        if (commitAtSwitch && free && state.pendingWeight != 0) {
            // the state is still the last nudged one and the trace still holds the free sample it was contrasted with
            double pending = state.pendingWeight;
            state.pendingWeight = 0;
            addStatistic(state, pending, target);
        }
        step(state, phase, rng);
        if (free) {
            state.freeStepsOfExample++;
            state.lastFreeAge = state.phaseAge;
        }
        boolean settled = state.phaseAge >= nudgedSettle && (freeSettle == 0 || state.lastFreeAge >= freeSettle);
        boolean learns = gate.learns(traceTau > 0, free, state.freeStepsOfExample, holdAfter, settled);
        if (commitAtSwitch && !free) {
            state.pendingWeight += learns ? weight : 0;
            state.pendingTarget = target;
            addStatistic(state, 0, target);
        } else {
            addStatistic(state, learns ? weight : 0, target);
        }
    }

    @Override
    public void addStatistic(HopfieldState state, double weight, double[] target) {
        network.addStatistic(state, weight, target, traceTau > 0);
        updatedItself = target == network.parameters();
    }

    /**
     * After the loop's own update (which {@link HopfieldNetwork#addStatistic} already folded into the state's cached
     * input drive exactly) there is nothing to refresh; any other change marks the caches stale.
     */
    @Override
    public void parametersChanged() {
        if (!updatedItself) {
            network.parametersChanged();
        }
        updatedItself = false;
    }

    /** A short description, e.g. {@code ep(hopfield(784-500-10), one-sided, beta=0.5)}. */
    public String describe() {
        return "ep(" + network.describe() + ", " + nudge.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (nudge == Nudge.CLAMPED ? "" : ", beta=" + beta) + (sweepsPerStep == 1 ? "" : ", sweeps/step="
                + sweepsPerStep) + (traceTau == 0 ? "" : ", trace-tau=" + traceTau)
                + (traceTau == 0 || gate == TraceGate.ALWAYS ? "" : ", trace-gate=" + gate.key())
                + (holdAfter == 0 ? "" : ", hold-after=" + holdAfter)
                + (nudgedSettle + freeSettle == 0 ? "" : ", settle=" + nudgedSettle + "/" + freeSettle)
                + (commitAtSwitch ? ", commit-at-switch" : "") + ")";
    }
}
