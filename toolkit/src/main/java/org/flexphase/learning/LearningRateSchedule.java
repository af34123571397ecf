package org.flexphase.learning;

import org.flexphase.util.Checks;

/**
 * The step size {@code eta_t} of stochastic ascent, as a function of the Gibbs step {@code t} (0-based).
 *
 * <pre>{@code
 * LearningRateSchedule eta = LearningRateSchedule.constant(1e-4);
 * }</pre>
 */
public interface LearningRateSchedule {

    /** The rate at step {@code step}. */
    double rate(long step);

    /** A short description, e.g. {@code constant(1e-4)}. */
    String describe();

    /** {@code eta_t = eta}. */
    static LearningRateSchedule constant(double eta) {
        Checks.requirePositive(eta, "eta");
        return new LearningRateSchedule() {
            @Override
            public double rate(long step) {
                return eta;
            }

            @Override
            public String describe() {
                return "constant(" + eta + ")";
            }
        };
    }

    /**
     * Robbins–Monro {@code eta_t = eta0 / (1 + t / tau)^kappa}; with {@code kappa in (0.5, 1]} the rates sum to
     * infinity while their squares do not, the classic condition for convergence (docs/theory.md T6).
     */
    static LearningRateSchedule robbinsMonro(double eta0, double tau, double kappa) {
        Checks.requirePositive(eta0, "eta0");
        Checks.requirePositive(tau, "tau");
        if (!(kappa > 0 && kappa <= 1)) {
            throw new IllegalArgumentException("kappa must be in (0, 1]: " + kappa);
        }
        return new LearningRateSchedule() {
            @Override
            public double rate(long step) {
                return eta0 / Math.pow(1.0 + step / tau, kappa);
            }

            @Override
            public String describe() {
                return "robbins-monro(eta0=" + eta0 + ", tau=" + tau + ", kappa=" + kappa + ")";
            }
        };
    }
}
