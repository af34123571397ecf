package org.flexphase.circuits;

import org.flexphase.util.InvalidSetting;

/**
 * The current law of one edge per unit conductance (docs/theory.md section 5.2, nonlinear elements): an edge of
 * conductance {@code k} carrying the potential drop {@code v} passes the current {@code k F'(v)}, and its co-content
 * (the pseudo-power whose sum the equilibrium minimises) is {@code k F(v)}. The family here is a linear resistor in
 * parallel with a saturating channel,
 *
 * <pre>{@code F(v) = v^2/2 + c log cosh v,   F'(v) = v + c tanh v,   F''(v) = 1 + c sech^2 v,}</pre>
 *
 * with shape {@code c > -1}: {@code c > 0} conducts {@code 1 + c} times more at small drops than at large ones (the
 * channel's current saturates at {@code c k}); {@code -1 < c < 0} is diode-like on both sides, conducting
 * {@code 1 + c} near 0 and 1 far out. {@code c = 0} is the linear resistor, {@code F = v^2/2}. Every {@code F} of the
 * family is smooth and strictly convex with {@code min(1, 1+c) <= F'' <= max(1, 1+c)}, so the equilibrium is unique
 * and damped Newton converges from any start ({@link NewtonSolver}). Potentials are in units of the channel's
 * voltage scale (inputs in [-1, 1] reach the bend of {@code tanh}).
 *
 * @param shape {@code c}, finite and {@code > -1}
 */
public record Element(double shape) {
    /** The linear resistor. */
    public static final Element LINEAR = new Element(0);

    /** Checks the shape. */
    public Element {
        if (!(shape > -1 && shape < Double.POSITIVE_INFINITY)) {
            throw new InvalidSetting("element_shape", shape, "a finite value > -1 (F'' = 1 + c sech^2 v must stay "
                    + "positive for the equilibrium to be unique)");
        }
    }

    /** The saturating element of shape {@code c} ({@code c = 0}: linear). */
    public static Element saturating(double c) {
        return new Element(c);
    }

    /** Whether this is the linear resistor. */
    public boolean isLinear() {
        return shape == 0;
    }

    /** {@code F(v) = v^2/2 + c log cosh v}, to full relative precision for any v ({@link #logCosh}). */
    public double coContent(double v) {
        return shape == 0 ? 0.5 * v * v : 0.5 * v * v + shape * logCosh(v);
    }

    /**
     * {@code log cosh v} without cancellation: {@code log1p(2 sinh^2(v/2))} (accurate at small v, where
     * {@code log(cosh v)} rounds to 0 and {@code |v| + log1p(exp(-2|v|)) - log 2} cancels), and the latter beyond
     * {@code |v| = 20}, where {@code sinh^2} would overflow long before {@code cosh} is large.
     */
    static double logCosh(double v) {
        double a = Math.abs(v);
        if (a < 20) {
            double s = Math.sinh(0.5 * a);
            return Math.log1p(2 * s * s);
        }
        return a + Math.log1p(Math.exp(-2 * a)) - LOG_2;
    }

    /** {@code F'(v) = v + c tanh v}: the current per unit conductance. */
    public double current(double v) {
        return shape == 0 ? v : v + shape * Math.tanh(v);
    }

    /** {@code F''(v) = 1 + c sech^2 v}: the differential conductance per unit conductance. */
    public double curvature(double v) {
        if (shape == 0) {
            return 1;
        }
        double t = Math.tanh(v);
        return 1 + shape * (1 - t * t);
    }

    /** The least curvature, {@code min(1, 1 + c) > 0}: the strong convexity of the co-content. */
    public double minCurvature() {
        return Math.min(1, 1 + shape);
    }

    /** The greatest curvature, {@code max(1, 1 + c)}. */
    public double maxCurvature() {
        return Math.max(1, 1 + shape);
    }

    private static final double LOG_2 = Math.log(2);
}
