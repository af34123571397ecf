package org.flexphase.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * A user's system whose statistic reads the parameters ({@code phi = -dE/dtheta = (s - theta.x) x}, notebook 09's
 * linear learner) keeps the contract: check (f) must read the rate off the statistic at the parameters the update
 * used, not at the updated ones (which put it off by about 1 %, far outside its 1e-8).
 */
class ParameterReadingStatisticTest {

    /** One output unit relaxing at rate r towards its phase's energy minimum; the statistic reads theta. */
    static final class LinearLearner implements ContrastiveSystem<double[]> {
        final double[] theta = new double[3];
        final double[] x = {1.0, -0.5, 0.8};
        final double t = 0.7;
        final double beta = 0.5;
        final double r = 0.3;

        @Override
        public double[] parameters() {
            return theta;
        }

        @Override
        public double[] newState() {
            return new double[1];
        }

        double prediction() {
            double y = 0;
            for (int i = 0; i < x.length; i++) {
                y += theta[i] * x[i];
            }
            return y;
        }

        @Override
        public void step(double[] s, Phase z, RandomGenerator rng) {
            double target = z.isPositive() ? (prediction() + beta * t) / (1 + beta) : prediction();
            s[0] += r * (target - s[0]);
        }

        @Override
        public void addStatistic(double[] s, double weight, double[] out) {
            double d = s[0] - prediction();
            for (int i = 0; i < x.length; i++) {
                out[i] += weight * d * x[i];
            }
        }
    }

    @Test
    void aStatisticThatReadsTheParametersPassesTheAfterEveryUpdateCheck() {
        ContractReport report = ContractKit.<double[], LinearLearner>forSystem(LinearLearner::new)
                .name("linear learner whose statistic reads theta")
                .phases(GeometricPhaseProcess.of(0.5, 0.05))
                .presentation(l -> (s, z, began, rng) -> { })
                .copyState(double[]::clone)
                .scale(2.0)
                .only(Check.AFTER_EVERY_UPDATE)
                .seed(9)
                .check();
        CheckResult f = report.results().stream().filter(c -> c.check() == Check.AFTER_EVERY_UPDATE).findFirst()
                .orElseThrow(() -> new AssertionError("check (f) did not run: " + report));
        assertTrue(f.passed(), f::toString);
    }
}
