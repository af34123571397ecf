package org.flexphase.hopfield;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;

/**
 * The exact mean update of flexible-phase EP with an activity trace, with equilibrated phases (docs/theory.md
 * section 5.3, G1, G2, G4): phases switch geometrically ({@code b}, {@code p}), examples are redrawn uniformly with
 * probability {@code q} per step ({@link org.flexphase.learning.ExamplePresentation#redrawnWithProbability}), and each
 * step relaxes to the fixed point {@code s*(z, m)} of its phase and example (many sweeps per step, a unique fixed
 * point). The trace then follows the Markov-modulated scalar recursion
 * {@code r_t = (1 - g/tau) r_{t-1} + (g/tau) s*(z_{t-1}, m_{t-1})}, {@code g = 1} if the gate takes in the state of a
 * step of phase {@code z_{t-1}}, over the chain {@code sigma_t = (z_{t-1}, m_{t-1}, z_t, m_t)}; its first and second
 * moments per chain state are exact linear solves (of size {@code 4 M^2 (k + 1)} with a hold condition k, one per
 * coordinate or pair, since the recursion is a multiple of the identity), and the mean increment per step is
 * {@code scale sum_sigma w(z) [pi_sigma phi(s*(z, m)) - E[phi_bar(r, x_m) 1{sigma}]]}, {@code w = +1/b, -1/(1-b)}
 * (0 in free steps of the nudged-term rule). Exact for up to a few examples of a small network.
 */
public final class TraceMoments {
    private TraceMoments() {
    }

    /** Sweeps {@link #fixedPoint} runs from rest: far more than a small network's contraction needs. */
    public static final int SWEEPS = 400;

    /** The fixed point of {@code phase} for example {@code m}: {@link #SWEEPS} sweeps from rest. */
    public static double[] fixedPoint(EquilibriumPropagation sys, Examples ex, int m, Phase phase) {
        HopfieldState st = sys.network().newState();
        st.show(ex.inputs()[m], ex.targets()[m], ex.labels()[m]);
        boolean clamp = phase.isPositive() && sys.nudge() == EquilibriumPropagation.Nudge.CLAMPED;
        for (int k = 0; k < SWEEPS; k++) {
            sys.network().sweep(st, sys.nudgeOf(phase), clamp);
        }
        return st.flatActivations();
    }

    /** The paired estimator averaged over the examples: {@code scale (1/M) sum_m [phi(s*(+, m)) - phi(s*(-, m))]}. */
    public static double[] pairedUpdate(EquilibriumPropagation sys, Examples ex) {
        HopfieldNetwork net = sys.network();
        double[] u = new double[net.parameterCount()];
        HopfieldState st = net.newState();
        int examples = ex.count();
        for (int m = 0; m < examples; m++) {
            st.show(ex.inputs()[m], ex.targets()[m], ex.labels()[m]);
            st.setFlatActivations(fixedPoint(sys, ex, m, Phase.POSITIVE));
            net.addStatistic(st, sys.scale() / examples, u);
            st.setFlatActivations(fixedPoint(sys, ex, m, Phase.NEGATIVE));
            net.addStatistic(st, -sys.scale() / examples, u);
        }
        return u;
    }

    /**
     * The exact stationary mean increment per step of {@code sys} (its trace time constant, gate and hold condition;
     * {@link EquilibriumPropagation#withTrace(double, TraceGate, int)}), as in the class comment. With a hold condition
     * {@code k > 0} the chain also carries {@code c_t = min(k, free steps run since the current example was shown)},
     * reset by every draw (a redraw of the same example too), and a nudged step learns only if {@code c_t >= k}.
     * With a phase-age condition ({@link EquilibriumPropagation#withPhaseSettle}, {@code n} nudged and {@code f} free
     * settling steps) the chain also carries the previous step's phase age {@code a_{t-1}} (capped at
     * {@code max(n, f)}; the age of step t is {@code a_{t-1} + 1} if its phase type is the previous step's, else 0)
     * and, if {@code f > 0}, whether the last free step before t had age {@code >= f}; a nudged step learns only if
     * its age is {@code >= n} and that last free step's was {@code >= f}. The commit-at-switch rule
     * ({@link EquilibriumPropagation#withCommitAtSwitch}) applies every learning nudged step's increment unchanged at
     * the end of its phase or example (same fixed point, same held trace), so its mean is the same.
     */
    public static double[] meanUpdate(EquilibriumPropagation sys, Examples ex, double b, double p, double q) {
        HopfieldNetwork net = sys.network();
        double tau = sys.traceTau();
        TraceGate gate = sys.traceGate();
        int hold = sys.holdAfter();
        int settleNudged = sys.nudgedSettle();
        int settleFree = sys.freeSettle();
        int maxAge = Math.max(settleNudged, settleFree);
        int ages = maxAge + 1;
        int valids = settleFree > 0 ? 2 : 1;
        int examples = ex.count();
        int n = net.stateSize();
        double[][][] fixed = new double[2][examples][];
        for (int m = 0; m < examples; m++) {
            fixed[0][m] = fixedPoint(sys, ex, m, Phase.POSITIVE);
            fixed[1][m] = fixedPoint(sys, ex, m, Phase.NEGATIVE);
        }
        int counts = hold + 1;
        int pairs = 4 * examples * examples;
        int perPair = ages * valids * counts;
        int states = pairs * perPair;
        // state = ((pair * ages + a_{t-1}) * valids + v) * counts + c, pair = ((zp * M + mp) * 2 + z) * M + m;
        // phase 0 is +, 1 is -; v = 1: the last free step before t had settled (v is always 0 when f = 0)
        double[][] t = new double[states][states];
        for (int s = 0; s < states; s++) {
            int pair = s / perPair;
            int c = s % counts;
            int zp = pair / (2 * examples * examples);
            int z = pair / examples % 2;
            int m = pair % examples;
            int age = z == zp ? Math.min(maxAge, s / (valids * counts) % ages + 1) : 0;
            int v = s / counts % valids;
            int v2 = z == 1 && valids == 2 ? (age >= settleFree ? 1 : 0) : v;
            for (int z2 = 0; z2 < 2; z2++) {
                int free2 = z2 == 1 ? 1 : 0;
                double pz = phaseStep(z, z2, b, p);
                for (int m2 = 0; m2 < examples; m2++) {
                    int base = (((((z * examples + m) * 2 + z2) * examples + m2) * ages + age) * valids + v2)
                            * counts;
                    t[s][base + Math.min(hold, free2)] += pz * q / examples;
                    if (m2 == m) {
                        t[s][base + Math.min(hold, c + free2)] += pz * (1 - q);
                    }
                }
            }
        }
        double[] pi = stationary(t);
        double[] alpha = new double[states];
        double[][] c = new double[states][n];
        for (int s = 0; s < states; s++) {
            int pair = s / perPair;
            int zp = pair / (2 * examples * examples);
            int mp = pair / (2 * examples) % examples;
            // the gate, written out here rather than taken from TraceGate, so the solver is independent of production
            double g = gate == TraceGate.ALWAYS || zp == 1 ? 1.0 / tau : 0;
            alpha[s] = 1 - g;
            for (int i = 0; i < n; i++) {
                c[s][i] = g * fixed[zp][mp][i];
            }
        }
        DMatrixRMaj first = new DMatrixRMaj(states, states);
        DMatrixRMaj second = new DMatrixRMaj(states, states);
        for (int s = 0; s < states; s++) {
            first.add(s, s, 1);
            second.add(s, s, 1);
            for (int r = 0; r < states; r++) {
                if (t[r][s] != 0) {
                    first.add(s, r, -alpha[s] * t[r][s]);
                    second.add(s, r, -alpha[s] * alpha[s] * t[r][s]);
                }
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(states, n);
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < n; i++) {
                rhs.set(s, i, pi[s] * c[s][i]);
            }
        }
        DMatrixRMaj mu = new DMatrixRMaj(states, n);
        if (!CommonOps_DDRM.solve(first, rhs, mu)) {
            throw new IllegalStateException("the trace's first-moment system is singular");
        }
        double[][] nu = new double[states][n];
        for (int s = 0; s < states; s++) {
            for (int r = 0; r < states; r++) {
                if (t[r][s] != 0) {
                    for (int i = 0; i < n; i++) {
                        nu[s][i] += t[r][s] * mu.get(r, i);
                    }
                }
            }
        }
        DMatrixRMaj rhs2 = new DMatrixRMaj(states, n * n);
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rhs2.set(s, i * n + j, alpha[s] * (nu[s][i] * c[s][j] + c[s][i] * nu[s][j])
                            + pi[s] * c[s][i] * c[s][j]);
                }
            }
        }
        DMatrixRMaj mm = new DMatrixRMaj(states, n * n);
        if (!CommonOps_DDRM.solve(second, rhs2, mm)) {
            throw new IllegalStateException("the trace's second-moment system is singular");
        }
        double[] h = new double[net.parameterCount()];
        HopfieldState st = net.newState();
        int[] offset = new int[net.layers() + 1];
        for (int l = 2; l <= net.layers(); l++) {
            offset[l] = offset[l - 1] + net.size(l - 1);
        }
        for (int s = 0; s < states; s++) {
            int pair = s / perPair;
            int zp = pair / (2 * examples * examples);
            int z = pair / examples % 2;
            int m = pair % examples;
            int age = z == zp ? Math.min(maxAge, s / (valids * counts) % ages + 1) : 0;
            boolean settled = age >= settleNudged && (valids == 1 || s / counts % valids == 1);
            boolean learns = z == 0 ? s % counts >= hold && settled : gate != TraceGate.FREE_ONLY_NUDGED_TERM;
            if (!learns || pi[s] == 0) {
                continue;
            }
            double w = sys.scale() * (z == 0 ? 1 / b : -1 / (1 - b));
            st.show(ex.inputs()[m], ex.targets()[m], ex.labels()[m]);
            st.setFlatActivations(fixed[z][m]);
            net.addStatistic(st, w * pi[s], h);
            double[] x = ex.inputs()[m];
            for (int l = 1; l <= net.layers(); l++) {
                int size = net.size(l);
                int wo = net.weightOffset(l);
                int lower = l == 1 ? x.length : net.size(l - 1);
                for (int i = 0; i < lower; i++) {
                    for (int j = 0; j < size; j++) {
                        double e = l == 1 ? x[i] * mu.get(s, j)
                                : mm.get(s, (offset[l - 1] + i) * n + offset[l] + j);
                        h[wo + i * size + j] -= w * e;
                    }
                }
                for (int j = 0; j < size; j++) {
                    h[net.biasOffset(l) + j] -= w * mu.get(s, offset[l] + j);
                }
            }
        }
        return h;
    }

    /** The stationary law of an ergodic transition matrix ({@code pi P = pi}, {@code sum pi = 1}). */
    static double[] stationary(double[][] t) {
        int k = t.length;
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a.set(i, j, (i == j ? 1 : 0) - t[j][i]);
            }
        }
        for (int j = 0; j < k; j++) {
            a.set(k - 1, j, 1);
        }
        rhs.set(k - 1, 0, 1);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        if (!CommonOps_DDRM.solve(a, rhs, x)) {
            throw new IllegalStateException("the modulating chain is not ergodic");
        }
        return x.data.clone();
    }

    /** Geometric switching: phase 0 is {@code +}, 1 is {@code -}; a new phase is {@code +} with probability b. */
    static double phaseStep(int z, int z2, double b, double p) {
        return (z == z2 ? 1 - p : 0) + p * (z2 == 0 ? b : 1 - b);
    }

}
