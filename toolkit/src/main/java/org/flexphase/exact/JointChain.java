package org.flexphase.exact;

import org.flexphase.boltzmann.DataDistribution;

import org.flexphase.boltzmann.ExactAnalysis;

import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.phases.Phase;

/**
 * The exact joint Markov chain of temporally local learning at fixed parameters: state = (phase-chain state,
 * network state), for a tiny model, a data distribution and a {@link PhaseChain} (docs/theory.md T4, T5). Each step the
 * phase chain moves; a transition that begins a {@code +} phase clamps a pattern drawn from {@code p_data}
 * (persistent) or draws the state from {@code pi+} (reset); one that begins a {@code -} phase keeps the state
 * (persistent) or draws it from the model's equilibrium (reset); then the state takes one Gibbs step of the new
 * phase's kernel. The pattern clamped by each {@code +} phase is idealised as an independent draw from
 * {@code p_data} (the toolkit cycles through a shuffled list, which has the same frequencies).
 *
 * <p>From the stationary distribution, solved with EJML: the occupancy and the exact stationary mean update
 * {@code h(theta) = E[w(z) phi(theta, a)]} with {@code w = +1/rho+, -1/rho-}, to compare with {@code u(theta)}.
 *
 * <pre>{@code
 * JointChain chain = JointChain.of(rbm, data, PhaseChain.geometric(0.5, 0.1), JointChain.Start.PERSISTENT);
 * double[] h = chain.meanUpdate(0.5);                          // compare with ExactAnalysis.gradient(rbm, data)
 * }</pre>
 */
public final class JointChain {
    /** How a new phase starts. */
    public enum Start {
        /** The physical case: the state carries over (a {@code +} phase clamps new visible units). */
        PERSISTENT,
        /** The idealisation: each new phase starts from its own equilibrium. */
        RESET,
        /**
         * The trainer's equilibrium start: a {@code +} phase clamps a pattern and keeps the hidden units, a
         * {@code -} phase starts from an exact sample of the model's equilibrium. Equal to {@link #RESET} for models
         * whose clamped phase is exact after one step (RBMs, fully visible BMs).
         */
        EQUILIBRIUM_NEGATIVE,
        /**
         * Persistent contrastive divergence: a {@code -} phase resumes from the state where the previous
         * {@code -} phase ended, a {@code +} phase clamps a pattern keeping the hidden units. The chain then also
         * carries that stored state: {@code 4^units} network states per phase state, so keep models tiny.
         */
        PCD
    }

    private final BoltzmannMachine model;
    private final PhaseChain phases;
    /** Chain states per phase-chain state. */
    private final int states;
    /** Network states: the chain's network state is its index within a phase-chain state modulo this. */
    private final int networkStates;
    private final double[][] transition;

    private JointChain(BoltzmannMachine model, PhaseChain phases, int networkStates, double[][] transition) {
        this.model = model;
        this.phases = phases;
        this.states = transition.length / phases.size();
        this.networkStates = networkStates;
        this.transition = transition;
    }

    /** The joint chain of learning for {@code model} on {@code data} under the phase chain, with the given start of {@code -} phases. */
    public static JointChain of(BoltzmannMachine model, DataDistribution data, PhaseChain phases, Start start) {
        int nv = model.visibleCount();
        int size = 1 << (nv + model.hiddenCount());
        double[][] kPlus = GibbsKernels.kernel(model, Phase.POSITIVE);
        double[][] kMinus = GibbsKernels.kernel(model, Phase.NEGATIVE);
        double[][] startPlus = new double[size][size];
        double[][] startMinus = new double[size][size];
        int vMask = (1 << nv) - 1;
        double[] piPlus = GibbsKernels.clampedEquilibrium(model, data);
        double[] piMinus = GibbsKernels.equilibrium(model);
        for (int a = 0; a < size; a++) {
            if (start == Start.RESET) {
                startPlus[a] = piPlus.clone();
            } else {
                for (int k = 0; k < data.support(); k++) {
                    startPlus[a][(a & ~vMask) | (int) data.code(k)] += data.probability(k);
                }
            }
            if (start == Start.RESET || start == Start.EQUILIBRIUM_NEGATIVE) {
                startMinus[a] = piMinus.clone();
            } else {
                startMinus[a][a] = 1.0;
            }
        }
        double[][] newPlus = multiply(startPlus, kPlus);
        double[][] newMinus = multiply(startMinus, kMinus);
        // PCD carries the stored state s: network index a + size * s. Other starts have no stored state.
        int stored = start == Start.PCD ? size : 1;
        int n = size * stored;
        int m = phases.size();
        double[][] p = new double[m * n][m * n];
        for (PhaseChain.Transition t : phases.transitions()) {
            boolean plus = phases.phase(t.to()).isPositive();
            boolean fromMinus = !phases.phase(t.from()).isPositive();
            for (int x = 0; x < n; x++) {
                int a = x % size;
                int s = x / size;
                int from = a;
                double[][] step;
                if (!t.startsPhase()) {
                    step = plus ? kPlus : kMinus;
                } else if (start != Start.PCD) {
                    step = plus ? newPlus : newMinus;
                } else {
                    // The trainer stores the state when a - phase ends; a new - phase resumes from the store.
                    s = fromMinus ? a : s;
                    step = plus ? newPlus : kMinus;
                    from = plus ? a : s;
                }
                double[] row = p[t.from() * n + x];
                for (int b = 0; b < size; b++) {
                    row[t.to() * n + s * size + b] += t.probability() * step[from][b];
                }
            }
        }
        return new JointChain(model, phases, size, p);
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i][k];
                if (xik == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    z[i][j] += xik * y[k][j];
                }
            }
        }
        return z;
    }

    /**
     * The joint transition matrix (row-stochastic; rows indexed {@code phaseState * 2^units + code}, and for
     * {@link Start#PCD} {@code phaseState * 4^units + stored * 2^units + code}).
     */
    public double[][] transitionMatrix() {
        return transition;
    }

    /** The stationary distribution of the joint chain. */
    public double[] stationary() {
        return Stationary.distribution(transition);
    }

    /** Exact stationary fraction of steps in {@code +}. */
    public double positiveOccupancy() {
        double[] pi = stationary();
        double rho = 0;
        for (int s = 0; s < phases.size(); s++) {
            if (phases.phase(s).isPositive()) {
                for (int a = 0; a < states; a++) {
                    rho += pi[s * states + a];
                }
            }
        }
        return rho;
    }

    /**
     * The exact stationary mean update {@code h = sum pi(s, a) w(z_s) phi(a)}, with the weights
     * {@code +1/rho+, -1/rho-} computed from the given occupancy (pass the process's reported occupancy to test it).
     */
    public double[] meanUpdate(double rhoPlus) {
        return mean(stationary(), updates(rhoPlus));
    }

    /** {@code sum_a pi(a) f(a)}. */
    static double[] mean(double[] pi, double[][] f) {
        double[] h = new double[f[0].length];
        for (int a = 0; a < pi.length; a++) {
            for (int k = 0; k < h.length; k++) {
                h[k] += pi[a] * f[a][k];
            }
        }
        return h;
    }

    /** The per-step update {@code w(z) phi(a)} of every joint state, rows indexed like {@link #transitionMatrix()}. */
    double[][] updates(double rhoPlus) {
        double[][] f = new double[phases.size() * states][model.parameterCount()];
        BoltzmannState s = model.newState();
        int nv = model.visibleCount();
        for (int q = 0; q < phases.size(); q++) {
            double w = phases.phase(q).isPositive() ? 1.0 / rhoPlus : -1.0 / (1.0 - rhoPlus);
            for (int x = 0; x < states; x++) {
                int a = x % networkStates;
                s.setBits(a & ((1L << nv) - 1), (long) a >>> nv);
                model.addStatistic(s, w, f[q * states + x]);
            }
        }
        return f;
    }

    /**
     * The long-run covariance of the per-step update {@code f_t = w(z_t) phi(a_t)} in the stationary chain:
     * {@code Sigma = lim Cov(sum_{t<N} f_t) / N = sum_k Gamma_k} over all lags. It is what the central limit
     * theorem of Markov chains puts under a time average, and (through {@code J^-1 Sigma J^-T / N}) what sets the
     * error of Polyak-averaged stochastic approximation. Computed exactly from the fundamental matrix
     * {@code Z = (I - P + 1 pi^T)^-1}: with {@code g = Z (f - h)}, {@code Sigma = E_pi[fc g^T + g fc^T - fc fc^T]}.
     */
    public double[][] asymptoticCovariance(double rhoPlus) {
        return Stationary.asymptoticCovariance(transition, updates(rhoPlus));
    }
}
