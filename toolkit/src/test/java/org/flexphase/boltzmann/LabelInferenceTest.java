package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.runs.LabelledRbmRun;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class LabelInferenceTest {

    @Test
    void anRbmTrainedExactlyOnLabelledPatternsClassifiesThem() {
        // Inputs: all 16 patterns of 4 bits; label = first bit OR second bit (2 classes). Exact ascent learns the
        // joint distribution of 6 visible units; clamped inference must then recover the label almost always.
        double[][] inputs = new double[16][4];
        int[] labels = new int[16];
        for (int k = 0; k < 16; k++) {
            Bits.decode(k, inputs[k]);
            labels[k] = (inputs[k][0] + inputs[k][1]) > 0 ? 1 : 0;
        }
        LabelledRbmRun run = new LabelledRbmRun("toy", inputs, labels, inputs, labels, 2);
        Rbm rbm = Rbm.randomized(6, 6, 0.1, Rngs.create(3));
        double before = LabelledRbmRun.error(rbm, 2, inputs, labels, 16, 1);
        new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.EXACT).withExactStride(1).withSteps(3000).withEvalEvery(3000)
                .withLr(0.5)).train(rbm, run.trainingRows(), null);
        double after = LabelledRbmRun.error(rbm, 2, inputs, labels, 16, 1);
        assertTrue(before > 0.2, "untrained error " + before);
        assertEquals(0.0, after, 1.0 / 16 + 1e-12, "at most one of 16 misclassified");
    }
}
