package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.TINY_MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.Rbm;
import org.junit.jupiter.api.Test;

/** T9: the contrastive direction u(theta) is the gradient of the exact mean log-likelihood. */
class LikelihoodGradientProperties {

    static boolean notLearned(BoltzmannMachine m, int k) {
        return m instanceof Rbm rbm && !rbm.hasVisibleBiases() && k >= rbm.visibleBiasOffset()
                && k < rbm.visibleBiasOffset() + rbm.visibleCount();
    }

    @Test
    void contrastiveStatisticEqualsFiniteDifferencesOfTheLogLikelihood() {
        // Central differences with h = 1e-5: truncation error h^2/6 |f'''| with |f'''| <= 8 beta^3 <= 30 for these
        // models (third cumulants of 0/1 statistics), i.e. <= 5e-9, plus rounding 1e-16 * |f| / h <= 1e-10.
        double h = 1e-5;
        Proofs.qt(60).forAll(TINY_MODEL).checkAssert(inst -> {
            double[] u = ExactAnalysis.gradient(inst.model(), inst.data());
            double[] t = inst.model().parameters();
            for (int k = 0; k < t.length; k++) {
                if (notLearned(inst.model(), k)) {
                    // An RBM without visible biases keeps them at 0: its statistic there is 0, not a derivative.
                    assertEquals(0.0, u[k], 0.0, "parameter " + k + " is not learned");
                    continue;
                }
                double keep = t[k];
                t[k] = keep + h;
                double up = -ExactAnalysis.metrics(inst.model(), inst.data()).nllPerRow();
                t[k] = keep - h;
                double down = -ExactAnalysis.metrics(inst.model(), inst.data()).nllPerRow();
                t[k] = keep;
                assertEquals((up - down) / (2 * h), u[k], 1e-8, "parameter " + k);
            }
        });
    }
}
