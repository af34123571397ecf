package org.flexphase.proofs;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.exact.MaximumLikelihood;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.flexphase.boltzmann.LateralBoltzmannMachine;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.RenewalPhaseProcess;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The domains of the properties, built only from QuickTheories' primitives ({@code integers().between},
 * {@code doubles().between}, {@code lists()}) and combinators ({@code map}, {@code zip}, {@code flatMap}), so a
 * failing example shrinks toward small sizes and small numbers, and every value prints readably
 * ({@code describedAs} or a record's {@code toString}: sizes, b, length laws, parameters, data).
 */
final class Generators {
    private Generators() {
    }

    /** Compact numbers for counterexamples: three significant digits. */
    static String fmt(double[] x) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < x.length; k++) {
            s.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", x[k]));
        }
        return s.append(']').toString();
    }

    static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A positive-phase probability b in [0.05, 0.95]. */
    static final Gen<Double> B = doubles().between(0.05, 0.95);

    /** A statistic vector of dimension 1..6 with entries in [-2, 2]. */
    static final Gen<double[]> VECTOR = lists().of(doubles().between(-2, 2)).ofSizeBetween(1, 6)
            .map(Generators::toArray).describedAs(Generators::fmt);

    /**
     * A length law on {1..4} as a probability mass function: integer weights 0..4 normalised (all zero means
     * length 1), so it shrinks toward short, simple laws.
     */
    static final Gen<double[]> PMF = pmfUpTo(4);

    /** As {@link #PMF}, on {1..max}. */
    static final java.util.function.IntFunction<Gen<double[]>> PMF_UP_TO = Generators::pmfUpTo;

    static Gen<double[]> pmfUpTo(int max) {
        return lists().of(integers().between(0, 4)).ofSizeBetween(1, max).map(w -> {
            double s = w.stream().mapToInt(Integer::intValue).sum();
            double[] pmf = new double[w.size()];
            for (int k = 0; k < pmf.length; k++) {
                pmf[k] = s == 0 ? (k == 0 ? 1 : 0) : w.get(k) / s;
            }
            return pmf;
        }).describedAs(pmf -> "pmf" + fmt(pmf));
    }

    /** A renewal phase process: b and one length law per phase type, printed as the process describes itself. */
    record Renewal(double b, double[] plus, double[] minus) {
        RenewalPhaseProcess process() {
            return RenewalPhaseProcess.of(b, LengthLaws.discrete(plus), LengthLaws.discrete(minus));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "renewal(b=%.3f, L+=%s, L-=%s)", b, fmt(plus), fmt(minus));
        }
    }

    static final Gen<Renewal> RENEWAL = B.zip(PMF, PMF, Renewal::new);

    /** The model families under test. RBMs with and without visible biases, lateral BMs, fully visible BMs. */
    enum Kind {
        RBM, RBM_NO_VISIBLE_BIASES, LATERAL, FVBM;

        BoltzmannMachine build(int visible, int hidden, double beta) {
            return switch (this) {
                case RBM -> Rbm.of(visible, hidden, beta, true);
                case RBM_NO_VISIBLE_BIASES -> Rbm.of(visible, hidden, beta, false);
                case LATERAL -> LateralBoltzmannMachine.of(visible, hidden, beta);
                case FVBM -> FullyVisibleBoltzmannMachine.of(visible, beta);
            };
        }

        /** Unit counts: visible 1..3 (FVBM 2..4), hidden 1..2 (lateral 2..3, FVBM none): at most 6 units. */
        Gen<int[]> sizes() {
            return switch (this) {
                case RBM, RBM_NO_VISIBLE_BIASES -> integers().between(1, 3).zip(integers().between(1, 2),
                        (v, h) -> new int[]{v, h});
                case LATERAL -> integers().between(1, 2).zip(integers().between(2, 3), (v, h) -> new int[]{v, h});
                case FVBM -> integers().between(2, 4).map(v -> new int[]{v, 0});
            };
        }
    }

    /** A tiny model with parameters and data: what a property's counterexample prints. */
    record Instance(BoltzmannMachine model, double[][] rows, DataDistribution data) {
        @Override
        public String toString() {
            StringBuilder codes = new StringBuilder();
            for (double[] row : rows) {
                codes.append(codes.length() == 0 ? "" : " ");
                for (double u : row) {
                    codes.append((int) u);
                }
            }
            return model.describe() + " theta=" + fmt(model.parameters()) + " data={" + codes + "}";
        }
    }

    /**
     * A model of one of {@code kinds} with sizes from {@link Kind#sizes}, beta in [0.5, 1.5], every parameter in
     * [-scale, scale] (an RBM without visible biases keeps them at 0) and 3..8 data rows of random patterns.
     */
    static Gen<Instance> models(double scale, Kind... kinds) {
        Gen<Kind> kind = Generate.pick(List.of(kinds));
        return kind.flatMap(k -> k.sizes().flatMap(size -> doubles().between(0.5, 1.5).flatMap(beta -> {
            BoltzmannMachine shape = k.build(size[0], size[1], beta);
            Gen<List<Double>> theta = lists().of(doubles().between(-scale, scale)).ofSize(shape.parameterCount());
            Gen<List<Integer>> codes = lists().of(integers().between(0, (1 << size[0]) - 1)).ofSizeBetween(3, 8);
            return theta.zip(codes, (t, c) -> instance(k, size, beta, t, c));
        })));
    }

    static Instance instance(Kind kind, int[] size, double beta, List<Double> theta, List<Integer> codes) {
        BoltzmannMachine m = kind.build(size[0], size[1], beta);
        double[] t = m.parameters();
        for (int k = 0; k < t.length; k++) {
            t[k] = theta.get(k);
        }
        if (m instanceof Rbm rbm && !rbm.hasVisibleBiases()) {
            Arrays.fill(t, rbm.visibleBiasOffset(), rbm.visibleBiasOffset() + size[0], 0.0);
        }
        double[][] rows = new double[codes.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = bits(codes.get(r), size[0]);
        }
        return new Instance(m, rows, DataDistribution.of(rows));
    }

    /** Tiny RBMs, lateral BMs and fully visible BMs (at most 6 units in all) with random data. */
    static final Gen<Instance> TINY_MODEL = models(1.5, Kind.values());

    /** Tiny RBMs and fully visible BMs, whose clamped phase equilibrates in one step (T5's setting). */
    static final Gen<Instance> ONE_STEP_CLAMPED_MODEL = models(1.5, Kind.RBM, Kind.RBM_NO_VISIBLE_BIASES, Kind.FVBM);

    /** The 0/1 pattern of {@code code}'s low {@code units} bits. */
    static double[] bits(int code, int units) {
        double[] row = new double[units];
        for (int i = 0; i < units; i++) {
            row[i] = (code >> i) & 1;
        }
        return row;
    }

    /**
     * A learning problem for a fully visible BM: full-support data on {@code units} units, its exact optimum, b, p
     * and the trainer's seed.
     */
    record Problem(int units, double[][] rows, DataDistribution data, double[] optimum, double b, double p,
                   long seed, String dataDescription) {
        Problem withP(double q) {
            return new Problem(units, rows, data, optimum, b, q, seed, dataDescription);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "fvbm(%d) b=%.3f p=%.3f seed=%d data=%s theta*=%s", units, b, p, seed,
                    dataDescription, fmt(optimum));
        }
    }

    /** Units of T6-T8's fully visible BM: with three, persistent and CD-k biases vanish at theta* (README). */
    static final int FVBM_UNITS = 4;

    /**
     * Full-support data with strong correlations: every pattern of {@code units} units {@code counts[code]} times
     * (1..4), plus {@code copies} copies of each prototype. Strong couplings at theta* make the negative kernel mix
     * slowly enough that the biases of persistent states and of CD-k are large against a run's resolution.
     */
    static double[][] correlatedRows(int units, List<Integer> counts, int[] prototypes, int copies) {
        List<double[]> rows = new ArrayList<>();
        for (int code = 0; code < 1 << units; code++) {
            for (int c = 0; c < counts.get(code); c++) {
                rows.add(bits(code, units));
            }
        }
        for (int proto : prototypes) {
            for (int c = 0; c < copies; c++) {
                rows.add(bits(proto, units));
            }
        }
        return rows.toArray(new double[0][]);
    }

    static Problem problem(int units, double[][] rows, String description, double b, double p, long seed) {
        DataDistribution data = DataDistribution.of(rows);
        MaximumLikelihood.Result ml = MaximumLikelihood.fullyVisible(units, 1.0, data, 1e-12, 100);
        if (!ml.converged()) {
            throw new IllegalStateException("Newton did not converge for data " + description);
        }
        return new Problem(units, rows, data, ml.theta(), b, p, seed, description);
    }

    /** Correlated full-support data on FVBM_UNITS units: counts 1..4, two prototypes with 8..24 copies each. */
    static final Gen<Object[]> CORRELATED_DATA = lists().of(integers().between(1, 4)).ofSize(1 << FVBM_UNITS)
            .zip(integers().between(0, (1 << FVBM_UNITS) - 1), integers().between(0, (1 << FVBM_UNITS) - 1),
                    integers().between(8, 24), (counts, p1, p2, copies) -> new Object[]{
                        correlatedRows(FVBM_UNITS, counts, new int[]{p1, p2}, copies),
                        "counts" + counts + " + " + copies + " x {" + p1 + ", " + p2 + "}"});

    /**
     * T6's domain: b in [0.2, 0.8], switching probability p in [0.05, 0.5], correlated full-support data, a trainer
     * seed. Smaller p is covered exactly by T4/T5; a simulation's cost at fixed accuracy grows like 1/p (README).
     */
    static final Gen<Problem> FVBM_PROBLEM = CORRELATED_DATA.zip(doubles().between(0.2, 0.8),
            doubles().between(0.05, 0.5), integers().between(1, 1_000_000),
            (d, b, p, seed) -> problem(FVBM_UNITS, (double[][]) d[0], (String) d[1], b, p, seed));

    /**
     * Two clustered designs on FVBM_UNITS units (pattern counts): a few heavy clusters that a pairwise model cannot
     * fit, so the data's law and the fitted model's differ in higher moments, with couplings at theta* strong
     * enough to make the negative kernel slow. Found by searching random data for the largest distance between
     * theta*_p and theta* in a run's sd (README): random full-support data rarely gives more than a few sd.
     */
    static final List<List<Integer>> CLUSTERED_DESIGNS = List.of(
            List.of(22, 21, 1, 1, 1, 41, 51, 1, 1, 1, 24, 1, 1, 45, 1, 53),
            List.of(1, 40, 1, 41, 36, 1, 1, 1, 25, 1, 1, 1, 1, 1, 1, 41));

    /** A clustered design with every count raised by 0..2 (shrinking to the design itself). */
    static final Gen<Object[]> CLUSTERED_DATA = integers().between(0, CLUSTERED_DESIGNS.size() - 1).zip(
            lists().of(integers().between(0, 2)).ofSize(1 << FVBM_UNITS), (design, jitter) -> {
                List<Integer> counts = new ArrayList<>();
                for (int code = 0; code < jitter.size(); code++) {
                    counts.add(CLUSTERED_DESIGNS.get(design).get(code) + jitter.get(code));
                }
                return new Object[]{correlatedRows(FVBM_UNITS, counts, new int[0], 0), "counts" + counts};
            });

    /** T6b's and T8's domain: clustered data, short phases (p in [0.9, 1]), b in [0.6, 0.8], a trainer seed. */
    static final Gen<Problem> SLOW_FVBM_PROBLEM = CLUSTERED_DATA.zip(doubles().between(0.6, 0.8),
            doubles().between(0.9, 1.0), integers().between(1, 1_000_000),
            (d, b, p, seed) -> problem(FVBM_UNITS, (double[][]) d[0], (String) d[1], b, p, seed));
}
