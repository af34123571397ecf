package org.flexphase.exact;

import org.flexphase.util.LogSpace;

import org.flexphase.boltzmann.JointEnumeration;

import org.flexphase.boltzmann.DataDistribution;

import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.phases.Phase;

/**
 * Exact transition matrices of one Gibbs step of a tiny Boltzmann machine, over joint state codes (visible bits
 * low, hidden bits above). Built from the model's energy alone, as sequential single-site updates in the order
 * every toolkit model uses: a positive step resamples the hidden units in index order, a negative step the visible
 * units and then the hidden units. (Units updated as a block in the models are conditionally independent, so the
 * block update has this same kernel.) Exact for at most {@value #MAX_UNITS} units.
 *
 * <pre>{@code
 * double[][] kernel = GibbsKernels.kernel(rbm, Phase.NEGATIVE);   // one free Gibbs sweep, state to state
 * double[] free = GibbsKernels.equilibrium(rbm);
 * }</pre>
 */
public final class GibbsKernels {
    static final int MAX_UNITS = 10;

    private GibbsKernels() {
    }

    /** The kernel of one {@code phase} step: row {@code a} is the law of the next state from state {@code a}. */
    public static double[][] kernel(BoltzmannMachine model, Phase phase) {
        int nv = model.visibleCount();
        int n = nv + model.hiddenCount();
        if (n > MAX_UNITS) {
            throw new IllegalArgumentException("exact kernels need at most " + MAX_UNITS + " units: " + n);
        }
        int size = 1 << n;
        double[] logW = JointEnumeration.logWeights(model);
        int[] order = new int[phase.isPositive() ? n - nv : n];
        for (int k = 0; k < order.length; k++) {
            order[k] = phase.isPositive() ? nv + k : k;
        }
        double[][] kernel = new double[size][];
        for (int a = 0; a < size; a++) {
            double[] d = new double[size];
            d[a] = 1.0;
            for (int unit : order) {
                d = resample(d, unit, logW);
            }
            kernel[a] = d;
        }
        return kernel;
    }

    /** Applies "resample {@code unit} from its conditional" to the distribution {@code d}. */
    static double[] resample(double[] d, int unit, double[] logW) {
        double[] out = new double[d.length];
        int bit = 1 << unit;
        for (int a = 0; a < d.length; a++) {
            if (d[a] == 0) {
                continue;
            }
            int off = a & ~bit;
            int on = a | bit;
            double pOn = 1.0 / (1.0 + Math.exp(logW[off] - logW[on]));
            out[on] += d[a] * pOn;
            out[off] += d[a] * (1 - pOn);
        }
        return out;
    }

    /** The model's equilibrium {@code p(v, h)} over joint codes. */
    public static double[] equilibrium(BoltzmannMachine model) {
        double[] logW = JointEnumeration.logWeights(model);
        double logZ = LogSpace.logSumExp(logW, logW.length);
        double[] p = new double[logW.length];
        for (int a = 0; a < p.length; a++) {
            p[a] = Math.exp(logW[a] - logZ);
        }
        return p;
    }

    /** The clamped-phase equilibrium {@code pi+(v, h) = p_data(v) p(h | v)} over joint codes. */
    public static double[] clampedEquilibrium(BoltzmannMachine model, DataDistribution data) {
        int nv = model.visibleCount();
        int nh = model.hiddenCount();
        double[] logW = JointEnumeration.logWeights(model);
        double[] p = new double[logW.length];
        double[] cond = new double[1 << nh];
        for (int k = 0; k < data.support(); k++) {
            int v = (int) data.code(k);
            for (int h = 0; h < cond.length; h++) {
                cond[h] = logW[v | (h << nv)];
            }
            double logZv = LogSpace.logSumExp(cond, cond.length);
            for (int h = 0; h < cond.length; h++) {
                p[v | (h << nv)] += data.probability(k) * Math.exp(cond[h] - logZv);
            }
        }
        return p;
    }
}
