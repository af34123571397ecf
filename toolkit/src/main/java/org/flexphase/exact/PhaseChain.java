package org.flexphase.exact;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * A phase process written as a finite Markov chain, for exact analysis: each chain state carries a phase, and each
 * transition says whether it begins a new phase (which matters for clamping and for resets). Geometric switching
 * needs two states; a renewal process with finitely supported length laws needs one state per (phase, steps left).
 *
 * <pre>{@code
 * PhaseChain geometric = PhaseChain.geometric(0.5, 0.05);
 * }</pre>
 */
public final class PhaseChain {
    /** A transition {@code from -> to} with probability {@code probability}; {@code startsPhase} if it begins a new phase. */
    public record Transition(int from, int to, double probability, boolean startsPhase) {
    }

    private final Phase[] phases;
    private final List<Transition> transitions;

    private PhaseChain(Phase[] phases, List<Transition> transitions) {
        this.phases = phases;
        this.transitions = transitions;
    }

    /** Geometric switching as {@code GeometricPhaseProcess}: each step a new phase with probability p, {@code +} with probability b. */
    public static PhaseChain geometric(double b, double p) {
        Checks.requireOpenProbability(b, "b");
        Checks.requireHalfOpenProbability(p, "p");
        List<Transition> t = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            t.add(new Transition(s, s, 1 - p, false));
            t.add(new Transition(s, 0, p * b, true));
            t.add(new Transition(s, 1, p * (1 - b), true));
        }
        return new PhaseChain(new Phase[]{Phase.POSITIVE, Phase.NEGATIVE}, t);
    }

    /**
     * A renewal process as {@code RenewalPhaseProcess.of(b, discrete(plus), discrete(minus))}: state
     * {@code (phase, steps left after this one)}; when none are left a new phase begins, {@code +} with probability b,
     * with length {@code k + 1} with probability {@code pmf[k]}.
     */
    public static PhaseChain renewal(double b, double[] plusPmf, double[] minusPmf) {
        Checks.requireOpenProbability(b, "b");
        int np = plusPmf.length;
        int nm = minusPmf.length;
        Phase[] phases = new Phase[np + nm];
        for (int r = 0; r < np; r++) {
            phases[r] = Phase.POSITIVE;
        }
        for (int r = 0; r < nm; r++) {
            phases[np + r] = Phase.NEGATIVE;
        }
        List<Transition> t = new ArrayList<>();
        for (int s = 0; s < np + nm; s++) {
            int left = s < np ? s : s - np;
            if (left > 0) {
                t.add(new Transition(s, s - 1, 1.0, false));
                continue;
            }
            for (int k = 0; k < np; k++) {
                if (plusPmf[k] > 0) {
                    t.add(new Transition(s, k, b * plusPmf[k], true));
                }
            }
            for (int k = 0; k < nm; k++) {
                if (minusPmf[k] > 0) {
                    t.add(new Transition(s, np + k, (1 - b) * minusPmf[k], true));
                }
            }
        }
        return new PhaseChain(phases, t);
    }

    /**
     * Any phase process given as a finite chain: state {@code s} carries {@code phases[s]}; the transitions out of
     * every state must sum to 1 (to 1e-12). For processes the two factories above do not cover (alternating phases,
     * length laws given by their hazards); the caller vouches that the chain is the process's.
     */
    public static PhaseChain of(Phase[] phases, List<Transition> transitions) {
        double[] out = new double[phases.length];
        for (Transition t : transitions) {
            if (t.from() < 0 || t.from() >= phases.length || t.to() < 0 || t.to() >= phases.length
                    || !(t.probability() >= 0 && t.probability() <= 1)) {
                throw new IllegalArgumentException("transition " + t + " is outside the " + phases.length
                        + " states or not a probability");
            }
            out[t.from()] += t.probability();
        }
        for (int s = 0; s < out.length; s++) {
            if (Math.abs(out[s] - 1) > 1e-12) {
                throw new IllegalArgumentException("transitions out of state " + s + " sum to " + out[s] + ", not 1");
            }
        }
        return new PhaseChain(phases.clone(), List.copyOf(transitions));
    }

    /** Number of phase-chain states. */
    public int size() {
        return phases.length;
    }

    /** The phase of state {@code state}. */
    public Phase phase(int state) {
        return phases[state];
    }

    /** All transitions with their probabilities. */
    public List<Transition> transitions() {
        return transitions;
    }

    /** The chain's row-stochastic transition matrix over its states. */
    public double[][] transitionMatrix() {
        double[][] q = new double[size()][size()];
        for (Transition t : transitions) {
            q[t.from()][t.to()] += t.probability();
        }
        return q;
    }

    /** The exact stationary occupancy of {@code +}, from the chain alone. */
    public double positiveOccupancy() {
        double[] pi = Stationary.distribution(transitionMatrix());
        double rho = 0;
        for (int s = 0; s < size(); s++) {
            if (phases[s].isPositive()) {
                rho += pi[s];
            }
        }
        return rho;
    }
}
