package org.flexphase.proofs;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.flexphase.exact.DataDistribution;
import org.flexphase.models.BoltzmannMachine;
import org.flexphase.models.FullyVisibleBoltzmannMachine;
import org.flexphase.models.LateralBoltzmannMachine;
import org.flexphase.models.Rbm;
import org.flexphase.util.Rngs;
import org.quicktheories.core.Gen;

/** The domains of the properties, built once and reused: probabilities, statistic vectors, length laws, tiny models. */
final class Generators {
    private Generators() {
    }

    /** A positive-phase probability b in [0.05, 0.95]. */
    static final Gen<Double> B = doubles().between(0.05, 0.95);

    /** A statistic vector of dimension 1..6 with entries in [-2, 2]. */
    static final Gen<double[]> VECTOR = integers().between(1, 6).zip(longs().all(), (n, seed) -> {
        RandomGenerator r = Rngs.create(seed);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = 4 * r.nextDouble() - 2;
        }
        return v;
    });

    /** A length law on {1..4} as a probability mass function (at least one positive mass, sums to 1). */
    static final Gen<double[]> PMF = integers().between(1, 4).zip(longs().all(), (n, seed) -> {
        RandomGenerator r = Rngs.create(seed);
        double[] w = new double[n];
        double s = 0;
        for (int k = 0; k < n; k++) {
            w[k] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
            s += w[k];
        }
        if (s == 0) {
            w[n - 1] = 1;
            s = 1;
        }
        for (int k = 0; k < n; k++) {
            w[k] /= s;
        }
        return w;
    });

    /** A tiny model with its data: kind, weights of scale up to 1.5, and a data distribution on its visible units. */
    record Instance(String kind, BoltzmannMachine model, DataDistribution data, long seed) {
        @Override
        public String toString() {
            return model.describe() + " theta=" + Arrays.toString(model.parameters()) + " data=" + data + " seed=" + seed;
        }
    }

    static Instance instance(String kind, long seed, double scale) {
        RandomGenerator r = Rngs.create(seed);
        BoltzmannMachine m = switch (kind) {
            case "rbm" -> Rbm.of(2 + r.nextInt(2), 1 + r.nextInt(2), 0.5 + r.nextDouble(), true);
            case "lateral" -> LateralBoltzmannMachine.of(2, 2 + r.nextInt(2), 0.5 + r.nextDouble());
            case "fvbm" -> FullyVisibleBoltzmannMachine.of(2 + r.nextInt(3), 0.5 + r.nextDouble());
            default -> throw new IllegalArgumentException(kind);
        };
        double[] t = m.parameters();
        for (int k = 0; k < t.length; k++) {
            t[k] = scale * (2 * r.nextDouble() - 1);
        }
        int rows = 3 + r.nextInt(6);
        double[][] data = new double[rows][m.visibleCount()];
        for (double[] row : data) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(2);
            }
        }
        return new Instance(kind, m, DataDistribution.of(data), seed);
    }

    /** Tiny RBMs, lateral BMs and fully visible BMs (at most 6 units in all) with random data. */
    static final Gen<Instance> TINY_MODEL = integers().between(0, 2).zip(longs().all(), doubles().between(0.1, 1.5),
            (k, seed, scale) -> instance(new String[]{"rbm", "lateral", "fvbm"}[k], seed, scale));

    /** Tiny RBMs and fully visible BMs, whose clamped phase equilibrates in one step (T5's setting). */
    static final Gen<Instance> ONE_STEP_CLAMPED_MODEL = integers().between(0, 1).zip(longs().all(),
            doubles().between(0.1, 1.5), (k, seed, scale) -> instance(new String[]{"rbm", "fvbm"}[k], seed, scale));

    /** A full-support data multiset on 3 units: every pattern 1..4 times. */
    static double[][] fullSupportRows(long seed) {
        return fullSupportRows(3, seed);
    }

    /** The 0/1 pattern of {@code code}'s low {@code units} bits. */
    static double[] bits(int code, int units) {
        double[] row = new double[units];
        for (int i = 0; i < units; i++) {
            row[i] = (code >> i) & 1;
        }
        return row;
    }

    /** A full-support data multiset on {@code units} units: every pattern 1..4 times. */
    static double[][] fullSupportRows(int units, long seed) {
        RandomGenerator r = Rngs.create(seed);
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int code = 0; code < 1 << units; code++) {
            int count = 1 + r.nextInt(4);
            for (int c = 0; c < count; c++) {
                rows.add(bits(code, units));
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** A learning problem for a fully visible BM: full-support data on FVBM_UNITS units, its exact optimum, b and p. */
    record Problem(double[][] rows, DataDistribution data, double[] optimum, double b, double p, long seed) {
        @Override
        public String toString() {
            return "data=" + data + " b=" + b + " p=" + p + " seed=" + seed + " theta*=" + Arrays.toString(optimum);
        }
    }

    /**
     * Units of T6-T8's fully visible BM. Four, not three: with three units the maximum-likelihood fit matches every
     * two-unit marginal, so each single-site Gibbs update (which conditions on the two other units) preserves the
     * data's moments and persistent or CD-k biases vanish at theta* identically; four units show them.
     */
    static final int FVBM_UNITS = 4;

    /**
     * Full-support data with strong correlations: every pattern 1..4 times, plus 8..24 copies of each of two
     * random prototypes. Strong couplings at theta* make the negative kernel mix slowly enough that the biases
     * of persistent states and of CD-k are large against a run's statistical resolution.
     */
    static double[][] correlatedRows(int units, long seed) {
        RandomGenerator r = Rngs.create(seed ^ 0x5DEECE66DL);
        java.util.List<double[]> rows = new java.util.ArrayList<>(Arrays.asList(fullSupportRows(units, seed)));
        for (int k = 0; k < 2; k++) {
            int code = r.nextInt(1 << units);
            int copies = 8 + r.nextInt(17);
            for (int c = 0; c < copies; c++) {
                rows.add(bits(code, units));
            }
        }
        return rows.toArray(new double[0][]);
    }

    static Problem problem(long seed, double b, double p) {
        double[][] rows = correlatedRows(FVBM_UNITS, seed);
        DataDistribution data = DataDistribution.of(rows);
        var ml = org.flexphase.exact.MaximumLikelihood.fullyVisible(FVBM_UNITS, 1.0, data, 1e-12, 100);
        if (!ml.converged()) {
            throw new IllegalStateException("Newton did not converge for seed " + seed);
        }
        return new Problem(rows, data, ml.theta(), b, p, seed);
    }

    /**
     * T6's domain: b in [0.2, 0.8], switching probability p in [0.05, 0.5], random full-support data. Smaller p is
     * covered exactly by T4/T5; a simulation's cost at fixed accuracy grows like 1/p (see README).
     */
    static final Gen<Problem> FVBM_PROBLEM = longs().all().zip(doubles().between(0.2, 0.8),
            doubles().between(0.05, 0.5), Generators::problem);
}
