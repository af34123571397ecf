package org.flexphase.boltzmann;

import org.flexphase.util.LogSpace;

import java.util.random.RandomGenerator;

/**
 * Exact samples from a small model's equilibrium {@code p(v, h)}, for the "equilibrium" start of a negative
 * phase (the idealisation the theory compares against). A snapshot: built from the parameters at
 * construction time. Building costs one enumeration; each sample costs a binary search.
 *
 * <p>For an RBM the smaller layer is drawn from its exact marginal (one {@code nextDouble()}), then the other
 * layer from its conditional (one {@code nextDouble()} per unit). Other machines draw the joint state with
 * one {@code nextDouble()}.
 *
 * <pre>{@code
 * ExactSampler sampler = ExactSampler.of(rbm);
 * BoltzmannState s = rbm.newState();
 * sampler.sample(s, Rngs.create(3));                           // s.visible is an exact sample
 * }</pre>
 */
public final class ExactSampler {
    private final BoltzmannMachine model;
    private final double[] cumulative;
    private final Boolean visibleFirst; // null: joint codes

    private ExactSampler(BoltzmannMachine model, double[] cumulative, Boolean visibleFirst) {
        this.model = model;
        this.cumulative = cumulative;
        this.visibleFirst = visibleFirst;
    }

    /** A sampler of the model's current equilibrium. The model must not change while the sampler is used. */
    public static ExactSampler of(BoltzmannMachine model) {
        if (model instanceof Rbm rbm) {
            BipartiteEnumeration en = new BipartiteEnumeration(rbm);
            return new ExactSampler(model, cumulative(en.logWeights()), en.enumeratesVisible());
        }
        return new ExactSampler(model, cumulative(JointEnumeration.logWeights(model)), null);
    }

    private static double[] cumulative(double[] logW) {
        double logZ = LogSpace.logSumExp(logW, logW.length);
        double[] c = new double[logW.length];
        double acc = 0;
        for (int k = 0; k < logW.length; k++) {
            acc += Math.exp(logW[k] - logZ);
            c[k] = acc;
        }
        return c;
    }

    /** Overwrites {@code state} with an exact sample. */
    public void sample(BoltzmannState state, RandomGenerator rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        long code = lo;
        if (visibleFirst == null) {
            int nv = model.visibleCount();
            state.setBits(code & ((1L << nv) - 1), code >>> nv);
            return;
        }
        Rbm rbm = (Rbm) model;
        if (visibleFirst) {
            org.flexphase.boltzmann.Bits.decode(code, state.visible);
            rbm.sampleHiddenGivenVisible(state.visible, state.hidden, rng);
        } else {
            org.flexphase.boltzmann.Bits.decode(code, state.hidden);
            rbm.sampleVisibleGivenHidden(state.hidden, state.visible, rng);
        }
    }
}
