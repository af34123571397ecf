package org.flexphase.boltzmann;

import org.flexphase.util.LogSpace;


/**
 * Exact sums over every joint state {@code (v, h)} of any {@link BoltzmannMachine}, using only its energy and
 * its statistic, so a new model kind is covered without code here. Exact for up to {@link #MAX_UNITS} units in all.
 * Joint code: visible bits low, hidden bits above them.
 */
public final class JointEnumeration {
    static final int MAX_UNITS = 24;

    private JointEnumeration() {
    }

    static void requireSmall(BoltzmannMachine model) {
        int n = model.visibleCount() + model.hiddenCount();
        if (n > MAX_UNITS) {
            throw new IllegalArgumentException("exact joint enumeration needs at most " + MAX_UNITS
                    + " units in all: " + n + " (" + model.describe() + ")");
        }
    }

    /** {@code -beta E(v, h)} for every joint code. */
    /** Log of the unnormalised weight of every joint state, in joint-code order. */
    public static double[] logWeights(BoltzmannMachine model) {
        requireSmall(model);
        int nv = model.visibleCount();
        int n = nv + model.hiddenCount();
        double[] logW = new double[1 << n];
        BoltzmannState s = model.newState();
        for (int code = 0; code < logW.length; code++) {
            s.setBits(code & ((1L << nv) - 1), code >>> nv);
            logW[code] = model.negativeEnergy(s);
        }
        return logW;
    }

    /** {@code log sum_h e^{-beta E(v, h)}} for a visible pattern. */
    static double logMarginalVisible(BoltzmannMachine model, double[] v) {
        int nh = model.hiddenCount();
        double[] lw = new double[1 << nh];
        BoltzmannState s = model.newState();
        System.arraycopy(v, 0, s.visible, 0, v.length);
        for (int h = 0; h < lw.length; h++) {
            for (int j = 0; j < nh; j++) {
                s.hidden[j] = (h >>> j) & 1;
            }
            lw[h] = model.negativeEnergy(s);
        }
        return LogSpace.logSumExp(lw, lw.length);
    }

    /** Adds {@code scale * E_model[phi]} into {@code out}. */
    static void addModelStatistic(BoltzmannMachine model, double[] logW, double logZ, double scale, double[] out) {
        int nv = model.visibleCount();
        BoltzmannState s = model.newState();
        for (int code = 0; code < logW.length; code++) {
            double p = Math.exp(logW[code] - logZ);
            if (p == 0) {
                continue;
            }
            s.setBits(code & ((1L << nv) - 1), code >>> nv);
            model.addStatistic(s, scale * p, out);
        }
    }

    /** Adds {@code scale * E_{h ~ p(h | v)}[phi(v, h)]} into {@code out}. */
    static void addClampedStatistic(BoltzmannMachine model, double[] v, double scale, double[] out) {
        int nh = model.hiddenCount();
        BoltzmannState s = model.newState();
        System.arraycopy(v, 0, s.visible, 0, v.length);
        double[] lw = new double[1 << nh];
        for (int h = 0; h < lw.length; h++) {
            s.setBits(0, h);
            System.arraycopy(v, 0, s.visible, 0, v.length);
            lw[h] = model.negativeEnergy(s);
        }
        double logZv = LogSpace.logSumExp(lw, lw.length);
        for (int h = 0; h < lw.length; h++) {
            s.setBits(0, h);
            System.arraycopy(v, 0, s.visible, 0, v.length);
            model.addStatistic(s, scale * Math.exp(lw[h] - logZv), out);
        }
    }
}
