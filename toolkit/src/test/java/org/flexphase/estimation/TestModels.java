package org.flexphase.estimation;

import java.util.random.RandomGenerator;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.util.Rngs;

/** RBMs small enough to enumerate, on which AIS is checked against the exact log Z. */
final class TestModels {
    private TestModels() {
    }

    /** A named RBM and the base model AIS starts from. */
    record Case(String name, Rbm rbm, BaseRateModel base) {
    }

    /** {@code nv x nh}, weights {@code N(0, sd^2)}, biases {@code N(0, biasSd^2)} (visible ones only if kept). */
    static Rbm random(int nv, int nh, double sd, double biasSd, double beta, boolean visibleBiases, long seed) {
        RandomGenerator rng = Rngs.create(seed);
        Rbm rbm = Rbm.of(nv, nh, beta, visibleBiases).initializeWeights(sd, rng);
        double[] t = rbm.parameters();
        for (int k = rbm.visibleBiasOffset(); k < t.length; k++) {
            boolean visible = k < rbm.hiddenBiasOffset();
            t[k] = visible && !visibleBiases ? 0.0 : biasSd * rng.nextGaussian();
        }
        return rbm;
    }

    /** A 16 x {@code nh} RBM trained by CD-1 on Bars and Stripes 4x4: sharp, multimodal, the hard case. */
    static Rbm trainedOnBas(int nh, long seed) {
        Rbm rbm = Rbm.randomized(16, nh, 0.01, Rngs.create(seed));
        TrainSettings config = TrainSettings.DEFAULTS.withMode(TrainingMode.STANDARD).withCdK(1)
                .withLr(0.05).withSteps(200_000).withEvalEvery(200_000).withSeed(seed);
        return (Rbm) new BoltzmannTrainer(config).train(rbm, BarsAndStripes.published4x4(), null).model();
    }

    /** Three 12-pixel prototypes (about a third of the pixels on), 5% of the bits flipped, as 15-unit labelled rows. */
    static LabelledData prototypes(int perClass, long seed) {
        RandomGenerator rng = Rngs.create(seed);
        double[][] prototypes = new double[3][12];
        for (double[] p : prototypes) {
            for (int i = 0; i < 12; i++) {
                p[i] = rng.nextDouble() < 0.35 ? 1 : 0;
            }
        }
        double[][] inputs = new double[3 * perClass][12];
        int[] labels = new int[inputs.length];
        for (int n = 0; n < inputs.length; n++) {
            labels[n] = n % 3;
            for (int i = 0; i < 12; i++) {
                boolean flip = rng.nextDouble() < 0.05;
                inputs[n][i] = flip ? 1 - prototypes[labels[n]][i] : prototypes[labels[n]][i];
            }
        }
        return new LabelledData(inputs, labels, 3);
    }

    /** Inputs with labels; {@link #rows()} appends each label one-hot. */
    record LabelledData(double[][] inputs, int[] labels, int classes) {
        double[][] rows() {
            double[][] rows = new double[inputs.length][];
            for (int n = 0; n < rows.length; n++) {
                rows[n] = java.util.Arrays.copyOf(inputs[n], inputs[n].length + classes);
                rows[n][inputs[n].length + labels[n]] = 1;
            }
            return rows;
        }
    }

    /** A 15 x {@code nh} RBM trained by CD-1 on {@link #prototypes} (uneven marginals, so the base rate matters). */
    static Rbm trainedOnPrototypes(LabelledData data, int nh, long seed) {
        Rbm rbm = Rbm.randomized(15, nh, 0.01, Rngs.create(seed));
        TrainSettings config = TrainSettings.DEFAULTS.withMode(TrainingMode.STANDARD).withCdK(1)
                .withLr(0.05).withSteps(200_000).withEvalEvery(200_000).withSeed(seed);
        return (Rbm) new BoltzmannTrainer(config).train(rbm, data.rows(), null).model();
    }

    static Case[] cases() {
        // BAS 4x4's pixel marginals are all 1/2, so its base-rate model is the uniform one.
        Rbm bas = trainedOnBas(12, 3);
        LabelledData labelled = prototypes(20, 6);
        Rbm proto = trainedOnPrototypes(labelled, 10, 7);
        return new Case[]{
            new Case("12x8 sd 0.1", random(12, 8, 0.1, 0.5, 1.0, true, 1), BaseRateModel.uniform(12)),
            new Case("16x10 sd 0.5", random(16, 10, 0.5, 0.5, 1.0, true, 2), BaseRateModel.uniform(16)),
            new Case("16x12 sd 1, no visible biases", random(16, 12, 1.0, 0.5, 1.0, false, 3), BaseRateModel.uniform(16)),
            new Case("14x10 sd 1, beta 0.7", random(14, 10, 1.0, 1.0, 0.7, true, 4), BaseRateModel.uniform(14)),
            new Case("10x8 sd 2", random(10, 8, 2.0, 1.0, 1.0, true, 5), BaseRateModel.uniform(10)),
            new Case("BAS 16x12 CD-1", bas, BaseRateModel.fromData(BarsAndStripes.published4x4())),
            new Case("labelled 15x10 CD-1, base rate", proto, BaseRateModel.fromData(labelled.rows())),
            new Case("labelled 15x10 CD-1, uniform base", proto, BaseRateModel.uniform(15)),
        };
    }
}
