package org.flexphase.forwardforward;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Rngs;

/**
 * The examples a Forward-Forward run trains on, step after step, and their weighted loss gradient: a shuffled cycle
 * through the images for the positives; the negatives' images and labels by the run's {@link NegativeLabels}
 * protocol; for ISD and local learning the step's phase from the mode's {@link PhaseProcess} and its weight.
 *
 * <p>Random numbers, every step, from the stream {@code Rngs.create(seed)}: the positive cycle's, then (published
 * negatives only) the negative cycle's, then in standard mode the negative label's; in isd and local mode the
 * phase's, then (negative steps, paired negatives) the wrong label's. The published negative set comes from its own
 * stream {@code Rngs.stream(seed, -2)}, so the paired protocol's draws are those of the toolkit before the option
 * existed.
 */
final class ExampleStream {
    /** Sees every example a step trains on: which image, which label shown, positive or negative. */
    @FunctionalInterface
    interface Observer {
        void onExample(long step, int image, int label, boolean positive);
    }

    private final ForwardForwardSettings config;
    private final ForwardForwardNet net;
    private final double[][] images;
    private final int[] labels;
    private final RandomGenerator rng;
    private final ShuffledCycle cycle;
    private final PhaseProcess process;
    private final ForwardForwardNet.Pass pass;
    private final NegativeLabels negativeLabels;
    private final ShuffledCycle negativeCycle;
    private final Observer observer;
    private long positives;
    private long negatives;

    /**
     * The stream of a run of {@code config} on these images, for {@code net}, its phases from {@code process} (a
     * fresh one; null in standard mode); {@code observer} may be null.
     */
    ExampleStream(ForwardForwardSettings config, PhaseProcess process, ForwardForwardNet net, double[][] images,
                  int[] labels, Observer observer) {
        this.config = config;
        this.net = net;
        this.images = images;
        this.labels = labels;
        this.rng = Rngs.create(config.seed());
        this.cycle = new ShuffledCycle(images.length);
        this.process = process;
        this.pass = net.newPass();
        this.negativeLabels = NegativeLabels.of(config.negatives(), labels, net.classes(),
                Rngs.stream(config.seed(), -2));
        this.negativeCycle = negativeLabels.isFixed() ? new ShuffledCycle(images.length) : null;
        this.observer = observer;
    }

    /**
     * Chooses step {@code step}'s example(s) and adds their weighted loss gradient into {@code gradient} (the
     * layout of the net's parameters). Returns the phase the step is charged to: its own in isd and local mode;
     * {@code POSITIVE} in standard mode, whose steps hold both phases (the examples of each are counted apart).
     */
    Phase addStepGradient(double[] gradient, long step) {
        int k = cycle.next(rng);
        int q = negativeCycle != null ? negativeCycle.next(rng) : k;
        if (config.mode() == ForwardForwardTrainer.Mode.STANDARD) {
            int shown = negativeLabels.label(q, rng);
            net.addGradient(images[k], labels[k], true, 1.0, pass, gradient);
            net.addGradient(images[q], shown, false, 1.0, pass, gradient);
            if (observer != null) {
                observer.onExample(step, k, labels[k], true);
                observer.onExample(step, q, shown, false);
            }
            positives++;
            negatives++;
            return Phase.POSITIVE;
        }
        Phase z = process.next(rng);
        boolean positive = z.isPositive();
        double w = config.isdWeights().weight(process, z);
        int image = positive ? k : q;
        int shown = positive ? labels[k] : negativeLabels.label(q, rng);
        net.addGradient(images[image], shown, positive, w, pass, gradient);
        if (positive) {
            positives++;
        } else {
            negatives++;
        }
        if (observer != null) {
            observer.onExample(step, image, shown, positive);
        }
        return z;
    }

    /** Positive examples trained on so far. */
    long positives() {
        return positives;
    }

    /** Negative examples trained on so far. */
    long negatives() {
        return negatives;
    }
}
