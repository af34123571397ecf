package org.flexphase.forwardforward;

/**
 * Adam (Kingma and Ba 2015) over one flat parameter vector, with PyTorch's defaults
 * ({@code beta1 = 0.9, beta2 = 0.999, eps = 1e-8}) and bias correction. Written out because it is a dozen lines
 * over a {@code double[]}; a deep-learning framework would be the only library offering it.
 *
 * <p>Every entry is updated from its own moments, so one Adam over a net's whole parameter vector takes exactly the
 * steps of one Adam per layer. Order of use: one {@link #stepInPlace} per training step, with that step's rate;
 * {@link #copy()} gives a fresh optimiser for another run.
 */
public final class AdamOptimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final double[] m;
    private final double[] v;
    private long t;

    /** Adam over {@code size} parameters, with zero moments. */
    public AdamOptimizer(int size) {
        this.m = new double[size];
        this.v = new double[size];
    }

    /** An optimiser of the same size with fresh (zero) moments. */
    public AdamOptimizer copy() {
        return new AdamOptimizer(m.length);
    }

    /**
     * One descent step of size {@code rate} on {@code theta} with gradient {@code g}: modifies {@code theta}, and
     * zeroes {@code g} for the next step's gradient.
     */
    public void stepInPlace(double[] theta, double[] g, double rate) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double stepSize = rate / c1;
        double sqrtC2 = Math.sqrt(c2);
        int n = m.length;
        if (theta.length != n || g.length != n) {
            throw new IllegalArgumentException("parameters and gradient must have " + n + " entries: "
                    + theta.length + ", " + g.length);
        }
        for (int k = 0; k < n; k++) {
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
