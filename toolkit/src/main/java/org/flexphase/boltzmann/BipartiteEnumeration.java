package org.flexphase.boltzmann;

import org.flexphase.util.LogSpace;


/**
 * Exact sums over an RBM by enumerating one layer (the smaller) and summing the other out analytically:
 * {@code log p*(x) = beta c_x^T x + sum_o softplus(beta (c_o + sum_e M_eo x_e))}. Patterns are visited in
 * Gray-code order, so each step updates the other layer's fields by one row ({@code O(no)} work) instead of
 * recomputing them. Exact for up to {@link #MAX_ENUMERATED} enumerated units.
 */
final class BipartiteEnumeration {
    static final int MAX_ENUMERATED = 26;

    private final Rbm rbm;
    private final boolean visibleSide;
    private final int ne;
    private final int no;
    private final double beta;
    private final double[] m;      // ne x no, row-major: coupling of enumerated unit e to other unit o
    private final double[] cx;     // biases of the enumerated layer
    private final double[] cy;     // biases of the other layer

    BipartiteEnumeration(Rbm rbm) {
        this.rbm = rbm;
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        this.visibleSide = nv <= nh;
        this.ne = visibleSide ? nv : nh;
        this.no = visibleSide ? nh : nv;
        if (ne > MAX_ENUMERATED) {
            throw new IllegalArgumentException("exact analysis enumerates the smaller layer, which must have at most "
                    + MAX_ENUMERATED + " units: " + ne + " (visible " + nv + ", hidden " + nh + ")");
        }
        this.beta = rbm.inverseTemperature();
        double[] t = rbm.parameters();
        this.m = new double[ne * no];
        for (int j = 0; j < nh; j++) {
            for (int i = 0; i < nv; i++) {
                double w = t[j * nv + i];
                if (visibleSide) {
                    m[i * nh + j] = w;
                } else {
                    m[j * nv + i] = w;
                }
            }
        }
        double[] a = java.util.Arrays.copyOfRange(t, rbm.visibleBiasOffset(), rbm.visibleBiasOffset() + nv);
        double[] b = java.util.Arrays.copyOfRange(t, rbm.hiddenBiasOffset(), rbm.hiddenBiasOffset() + nh);
        this.cx = visibleSide ? a : b;
        this.cy = visibleSide ? b : a;
    }

    boolean enumeratesVisible() {
        return visibleSide;
    }

    int enumeratedCount() {
        return ne;
    }

    /** {@code log p*(x)} for every code {@code x} of the enumerated layer, indexed by code. */
    double[] logWeights() {
        double[] logW = new double[1 << ne];
        double[] field = cy.clone();
        double bias = 0;
        int code = 0;
        for (int k = 0; k < logW.length; k++) {
            if (k > 0) {
                int e = Integer.numberOfTrailingZeros(k);
                code ^= 1 << e;
                double sign = ((code >>> e) & 1) == 1 ? 1.0 : -1.0;
                bias += sign * cx[e];
                for (int o = 0, r = e * no; o < no; o++, r++) {
                    field[o] += sign * m[r];
                }
            }
            logW[code] = beta * bias + sumSoftplus(field, no, beta);
        }
        return logW;
    }

    /**
     * {@code sum_o softplus(beta field[o])} with one logarithm per 512 terms instead of one per term:
     * {@code softplus(x) = max(x, 0) + log(1 + e^-|x|)}, and the product of the factors {@code 1 + e^-|x|}, each in
     * [1, 2], cannot overflow before 1023 of them. The rounding error is that of the product (a few ulps), while the
     * exponentials' arguments stay non-positive, so nothing overflows for any weights.
     */
    static double sumSoftplus(double[] field, int n, double beta) {
        double linear = 0;
        double product = 1;
        double logs = 0;
        for (int o = 0; o < n; o++) {
            double x = beta * field[o];
            if (x > 0) {
                linear += x;
                product *= 1 + Math.exp(-x);
            } else {
                product *= 1 + Math.exp(x);
            }
            if ((o & 511) == 511) {
                logs += Math.log(product);
                product = 1;
            }
        }
        return linear + logs + Math.log(product);
    }

    /**
     * Adds the model expectation of {@code phi / beta} (that is {@code E[v h^T], E[v], E[h]}) times {@code scale}
     * into {@code out} (RBM layout), given {@code logW} from {@link #logWeights} and {@code logZ}.
     */
    void addModelMoments(double[] logW, double logZ, double scale, double[] out) {
        int nv = rbm.visibleCount();
        int aOff = rbm.visibleBiasOffset();
        int bOff = rbm.hiddenBiasOffset();
        double[] field = new double[no];
        double[] sig = new double[no];
        double[] x = new double[ne];
        for (int code = 0; code < logW.length; code++) {
            double p = scale * Math.exp(logW[code] - logZ);
            if (p == 0) {
                continue;
            }
            System.arraycopy(cy, 0, field, 0, no);
            for (int e = 0; e < ne; e++) {
                x[e] = (code >>> e) & 1;
                if (x[e] != 0) {
                    for (int o = 0, r = e * no; o < no; o++, r++) {
                        field[o] += m[r];
                    }
                }
            }
            for (int o = 0; o < no; o++) {
                sig[o] = p * Rbm.sigmoid(beta * field[o]);
            }
            for (int e = 0; e < ne; e++) {
                if (x[e] == 0) {
                    continue;
                }
                if (visibleSide) {
                    out[aOff + e] += p;
                    for (int j = 0; j < no; j++) {
                        out[j * nv + e] += sig[j];
                    }
                } else {
                    out[bOff + e] += p;
                    for (int i = 0, w = e * nv; i < no; i++, w++) {
                        out[w] += sig[i];
                    }
                }
            }
            int otherOff = visibleSide ? bOff : aOff;
            for (int o = 0; o < no; o++) {
                out[otherOff + o] += sig[o];
            }
        }
    }

    /** {@code log p*(v) = beta a^T v + sum_j softplus(beta (b_j + W_j . v))} for a visible pattern. */
    static double logMarginalVisible(Rbm rbm, double[] v) {
        double[] t = rbm.parameters();
        double beta = rbm.inverseTemperature();
        int aOff = rbm.visibleBiasOffset();
        double lw = 0;
        for (int i = 0; i < v.length; i++) {
            lw += t[aOff + i] * v[i];
        }
        lw *= beta;
        for (int j = 0; j < rbm.hiddenCount(); j++) {
            lw += LogSpace.softplus(beta * rbm.hiddenField(j, v));
        }
        return lw;
    }
}
