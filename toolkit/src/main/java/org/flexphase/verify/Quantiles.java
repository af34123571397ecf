package org.flexphase.verify;

/**
 * Two-sided quantiles of the normal and Student t distributions, for tolerances derived from a stated false-failure
 * rate (the core has no statistics library). The t tail is {@code P(|T| > t) = I_x(nu/2, 1/2)} with
 * {@code x = nu / (nu + t^2)}, the normal tail {@code P(|Z| > z) = Q(1/2, z^2/2)}; both are inverted by bisection,
 * the regularized incomplete beta and gamma functions evaluated by Lentz's continued fractions (Numerical Recipes
 * 6.2 and 6.4), accurate to about 1e-12 relative for the tails used here (1e-2 to 1e-12).
 */
public final class Quantiles {
    private static final double TINY = 1e-300;
    private static final double EPS = 1e-15;

    private Quantiles() {
    }

    /** {@code z} with {@code P(|Z| > z) = alpha} for a standard normal Z. */
    public static double twoSidedNormal(double alpha) {
        checkAlpha(alpha);
        return bisect(z -> upperGammaQ(0.5, 0.5 * z * z), alpha);
    }

    /** {@code t} with {@code P(|T| > t) = alpha} for Student's t with {@code nu} degrees of freedom. */
    public static double twoSidedStudent(double alpha, double nu) {
        checkAlpha(alpha);
        if (!(nu >= 1)) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1: " + nu);
        }
        return bisect(t -> incompleteBeta(nu / (nu + t * t), 0.5 * nu, 0.5), alpha);
    }

    /** Two-sided Student t bound at the Bonferroni level {@code alpha / tests}. */
    public static double bonferroniStudent(double alpha, long tests, double nu) {
        return twoSidedStudent(alpha / Math.max(1, tests), nu);
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
    }

    /** The x in [0, 1e6] where the decreasing tail function equals alpha. */
    private static double bisect(java.util.function.DoubleUnaryOperator tail, double alpha) {
        double lo = 0;
        double hi = 1;
        while (tail.applyAsDouble(hi) > alpha) {
            hi *= 2;
            if (hi > 1e6) {
                return hi;
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (tail.applyAsDouble(mid) > alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Regularized incomplete beta {@code I_x(a, b)}. */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + aa * d);
            c = nonZero(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + aa * d);
            c = nonZero(1 + aa / c);
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** Regularized upper incomplete gamma {@code Q(a, x)}. */
    static double upperGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < a + 1) {
            double sum = 1 / a;
            double term = sum;
            for (int n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * EPS; n++) {
                term *= x / (a + n);
                sum += term;
            }
            return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = 1 / nonZero(an * d + b);
            c = nonZero(b + an / c);
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    private static double nonZero(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }

    /** {@code log Gamma(x)} for x > 0 (Lanczos, g = 7, 9 terms; relative error below 1e-14). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = x - 1;
        double a = g[0];
        double t = z + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
