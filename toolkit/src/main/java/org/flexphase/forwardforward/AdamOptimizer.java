package org.flexphase.forwardforward;

/**
 * Adam (Kingma and Ba 2015) over one flat parameter vector, with PyTorch's defaults
 * ({@code beta1 = 0.9, beta2 = 0.999, eps = 1e-8}) and bias correction. Written out because it is a dozen lines
 * over a {@code double[]}; a deep-learning framework would be the only library offering it.
 */
public final class AdamOptimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final double rate;
    private final double[] m;
    private final double[] v;
    private long t;

    /** Adam over {@code size} parameters at step size {@code rate}. */
    public AdamOptimizer(int size, double rate) {
        this.rate = rate;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One descent step on {@code theta} with gradient {@code g}; then zeroes {@code g} for the next step. */
    public void step(double[] theta, double[] g) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double stepSize = rate / c1;
        double sqrtC2 = Math.sqrt(c2);
        for (int k = 0; k < theta.length; k++) {
            double gk = g[k];
            double mk = BETA1 * m[k] + (1 - BETA1) * gk;
            double vk = BETA2 * v[k] + (1 - BETA2) * gk * gk;
            m[k] = mk;
            v[k] = vk;
            theta[k] -= stepSize * mk / (Math.sqrt(vk) / sqrtC2 + EPS);
            g[k] = 0;
        }
    }
}
