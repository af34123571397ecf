package org.flexphase.hopfield;

/**
 * The statistic {@code phi = -dE/dtheta} of a {@link HopfieldNetwork} (docs/theory.md section 5.1), added into any
 * array of the parameter layout: {@code rho(s_{l-1}) rho(s_l)^T} per weight matrix ({@code x rho(s_1)^T} for the
 * input weights, over the active inputs only) and {@code rho(s_l)} per bias, optionally centred on the baseline built
 * from the state's slow activity trace. When the target is the network's own parameters the state's cached input
 * drive follows the rank-one change exactly, so learning at every step never recomputes it.
 */
final class HopfieldStatistic {
    private HopfieldStatistic() {
    }

    /** {@code target += weight * (phi(theta, s) - (centred ? phi_bar : 0))}; see {@link HopfieldNetwork#addStatistic}. */
    static void add(HopfieldNetwork net, HopfieldState st, double weight, double[] target, boolean centred) {
        st.requireExample();
        if (centred) {
            st.requireTrace();
            addBaseline(net, st, -weight, target);
        }
        if (weight == 0) {
            return;
        }
        int top = net.layers();
        boolean live = target == net.parameters();
        boolean cacheCurrent = live && st.driveVersion == net.version();
        // The first layer's rows and bias take rho(s_1) - r_1 in one pass (the scratch is free outside a sweep).
        double[] first = st.s[1];
        if (centred) {
            first = st.scratch;
            for (int j = 0; j < net.size(1); j++) {
                first[j] = st.s[1][j] - st.trace[1][j];
            }
        }
        for (int l = 1; l <= top; l++) {
            int n = net.size(l);
            double[] upper = l == 1 ? first : st.s[l];
            int w = net.weightOffset(l);
            if (l == 1) {
                int[] active = st.activeInputs;
                for (int q = 0; q < st.activeCount; q++) {
                    int i = active[q];
                    double a = weight * st.x[i];
                    int row = w + i * n;
                    addScaled(target, row, a, upper, n);
                }
            } else {
                double[] lower = st.s[l - 1];
                for (int i = 0; i < lower.length; i++) {
                    double a = lower[i];
                    if (a != 0) {
                        a *= weight;
                        int row = w + i * n;
                        addScaled(target, row, a, upper, n);
                    }
                }
            }
            addScaled(target, net.biasOffset(l), weight, upper, n);
        }
        if (live) {
            if (cacheCurrent) {
                // W_1^T x + weight |x|^2 rho(s_1): exact up to rounding, which stays far below the learning noise.
                double c = weight * st.inputNormSquared;
                double[] h = first;
                // Only the first layer's width: when centred, h is the scratch, as wide as the widest layer.
                for (int j = 0; j < net.size(1); j++) {
                    st.inputDrive[j] += c * h[j];
                }
            }
            net.parametersChanged();
            if (cacheCurrent) {
                st.driveVersion = net.version();
            }
        }
    }

    /**
     * {@code target += weight * phi_bar} for the layers above the first, {@code r_{l-1} r_l^T} and {@code r_l}; the
     * first layer's part ({@code x r_1^T}, {@code r_1}) is folded into {@link #add}'s own pass.
     */
    private static void addBaseline(HopfieldNetwork net, HopfieldState st, double weight, double[] target) {
        if (weight == 0) {
            return;
        }
        double[][] r = st.trace;
        for (int l = 2; l <= net.layers(); l++) {
            int n = net.size(l);
            double[] upper = r[l];
            int w = net.weightOffset(l);
            for (int i = 0; i < net.size(l - 1); i++) {
                double a = weight * r[l - 1][i];
                int row = w + i * n;
                addScaled(target, row, a, upper, n);
            }
            addScaled(target, net.biasOffset(l), weight, upper, n);
        }
    }

    /** {@code target[offset + j] += a * v[j]} for {@code j < n}: one row of a rank-one statistic, or a bias block. */
    private static void addScaled(double[] target, int offset, double a, double[] v, int n) {
        for (int j = 0; j < n; j++) {
            target[offset + j] += a * v[j];
        }
    }
}
