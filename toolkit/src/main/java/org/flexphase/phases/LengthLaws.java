package org.flexphase.phases;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * The built-in {@link LengthLaw}s. Each reports its exact mean, variance and pmf; sampling consumption is stated per law.
 *
 * <pre>{@code
 * LengthLaw uniform = LengthLaws.uniform(3, 40);
 * LengthLaw geometric = LengthLaws.geometric(0.08);
 * }</pre>
 */
public final class LengthLaws {
    private LengthLaws() {
    }

    /** Always {@code n}; consumes no random numbers. */
    public static LengthLaw fixed(int n) {
        Checks.requireAtLeast(n, 1, "length");
        return new Law("fixed(" + n + ")", n, 0) {
            @Override
            public int sample(RandomGenerator rng) {
                return n;
            }

            @Override
            public double pmf(int k) {
                return k == n ? 1 : 0;
            }
        };
    }

    /**
     * Geometric on {1, 2, ...}: {@code P(L = k) = (1-p)^(k-1) p}, mean {@code 1/p}. Sampled by inversion,
     * {@code 1 + floor(log U / log(1-p))}, one {@code nextDouble()} (none when {@code p = 1}).
     */
    public static LengthLaw geometric(double p) {
        Checks.requireHalfOpenProbability(p, "p");
        double logQ = Math.log1p(-p);
        return new Law("geometric(" + p + ")", 1.0 / p, (1 - p) / (p * p)) {
            @Override
            public double pmf(int k) {
                if (k < 1) {
                    return 0;
                }
                return p == 1.0 ? (k == 1 ? 1 : 0) : p * Math.exp((k - 1) * logQ);
            }

            @Override
            public int sample(RandomGenerator rng) {
                if (p == 1.0) {
                    return 1;
                }
                double u = 1.0 - rng.nextDouble(); // in (0, 1]
                double k = Math.floor(Math.log(u) / logQ);
                return k >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE : 1 + (int) k;
            }
        };
    }

    /** Uniform on {@code lo..hi} inclusive ({@code 1 <= lo <= hi}); one {@code nextInt(lo, hi + 1)}. */
    public static LengthLaw uniform(int lo, int hi) {
        Checks.requireAtLeast(lo, 1, "lo");
        Checks.requireAtLeast(hi, lo, "hi");
        double width = hi - (double) lo + 1;
        return new Law("uniform(" + lo + ", " + hi + ")", (lo + (double) hi) / 2, (width * width - 1) / 12) {
            @Override
            public double pmf(int k) {
                return k >= lo && k <= hi ? 1 / width : 0;
            }

            @Override
            public int sample(RandomGenerator rng) {
                return rng.nextInt(lo, hi + 1);
            }
        };
    }

    /**
     * {@code P(L = k + 1) = pmf[k]}: non-negative, summing to 1 within 1e-9. One {@code nextDouble()},
     * by search of the cumulative sums.
     */
    public static LengthLaw discrete(double... pmf) {
        if (pmf.length == 0) {
            throw new IllegalArgumentException("pmf must not be empty");
        }
        double[] cumulative = new double[pmf.length];
        double total = 0;
        double mean = 0;
        double second = 0;
        for (int k = 0; k < pmf.length; k++) {
            if (!(pmf[k] >= 0 && pmf[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("pmf[" + k + "] must be a finite number >= 0: " + pmf[k]);
            }
            total += pmf[k];
            cumulative[k] = total;
            mean += (k + 1) * pmf[k];
            second += (k + 1) * (double) (k + 1) * pmf[k];
        }
        if (!(Math.abs(total - 1) <= 1e-9)) {
            throw new IllegalArgumentException("pmf must sum to 1 (within 1e-9): " + total);
        }
        double[] masses = pmf.clone();
        return new Law("discrete" + Arrays.toString(pmf), mean, Math.max(0, second - mean * mean)) {
            @Override
            public double pmf(int k) {
                return k >= 1 && k <= masses.length ? masses[k - 1] : 0;
            }

            @Override
            public int sample(RandomGenerator rng) {
                double u = rng.nextDouble() * cumulative[cumulative.length - 1];
                for (int k = 0; k < cumulative.length; k++) {
                    if (u < cumulative[k]) {
                        return k + 1;
                    }
                }
                return cumulative.length;
            }
        };
    }

    /**
     * The law a text names, as {@link LengthLaw#describe()} writes it: {@code fixed(N)}, {@code geometric(P)} or
     * {@code uniform(LO, HI)} (spaces ignored), so a spec or a command line can choose a renewal process's lengths.
     * Anything else, or arguments out of range, is an {@link IllegalArgumentException} naming the text.
     */
    public static LengthLaw parse(String text) {
        String allowed = "fixed(N) with N >= 1, geometric(P) with 0 < P <= 1, or uniform(LO, HI) with 1 <= LO <= HI";
        if (text == null) {
            throw new IllegalArgumentException("length law must be " + allowed + ": null");
        }
        String t = text.replace(" ", "");
        int open = t.indexOf('(');
        if (open < 1 || !t.endsWith(")")) {
            throw new IllegalArgumentException("length law must be " + allowed + ": " + text);
        }
        String[] args = t.substring(open + 1, t.length() - 1).split(",", -1);
        LengthLaw law;
        try {
            law = switch (t.substring(0, open)) {
                case "fixed" -> args.length == 1 ? fixed(Integer.parseInt(args[0])) : null;
                case "geometric" -> args.length == 1 ? geometric(Double.parseDouble(args[0])) : null;
                case "uniform" -> args.length == 2 ? uniform(Integer.parseInt(args[0]), Integer.parseInt(args[1])) : null;
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("length law must be " + allowed + ": " + text, e);
        }
        if (law == null) {
            throw new IllegalArgumentException("length law must be " + allowed + ": " + text);
        }
        return law;
    }

    private abstract static class Law implements LengthLaw {
        private final String description;
        private final double mean;
        private final double variance;

        Law(String description, double mean, double variance) {
            this.description = description;
            this.mean = mean;
            this.variance = variance;
        }

        @Override
        public double mean() {
            return mean;
        }

        @Override
        public double variance() {
            return variance;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
