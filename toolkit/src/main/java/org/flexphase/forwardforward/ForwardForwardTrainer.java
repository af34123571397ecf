package org.flexphase.forwardforward;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link ForwardForwardNet} one image per step (batch size 1), each layer with its own Adam, on the
 * images of a shuffled cycle through the training set.
 *
 * <ul>
 *   <li>{@code STANDARD}: every step trains on the image with its true label (positive) and with a wrong label
 *       (negative), loss {@code L+ + L-}.</li>
 *   <li>{@code ISD}: every step is positive with probability {@code b}, loss weighted {@code 1/b} or
 *       {@code 1/(1-b)}, so its expected gradient is the standard one (docs/theory.md T10; the published code weighted
 *       by 1).</li>
 *   <li>{@code LOCAL}: the phase type follows a phase process (geometric lengths by default, any process if
 *       given): runs of positive steps and runs of negative ones, weighted {@code 1/rho+} and {@code 1/rho-}.</li>
 * </ul>
 * A wrong label is drawn uniformly from the other classes.
 *
 * <pre>{@code
 * ForwardForwardTrainer trainer = new ForwardForwardTrainer(ForwardForwardTrainer.Config.paper(Mode.ISD, 1));
 * ForwardForwardNet net = trainer.newNet(784, 10);
 * trainer.train(net, images, labels, Histories.forwardForward(images, labels, testImages, testLabels, 300));
 * }</pre>
 */
public final class ForwardForwardTrainer {
    /** How a step chooses between positive and negative examples. */
    public enum Mode {
        /** Every step trains on the image with its true and with a wrong label. */
        STANDARD,
        /** Every step trains on one of them, positive with probability b, weighted 1/b or 1/(1-b). */
        ISD,
        /** The type follows a phase process, weighted by its occupancy. */
        LOCAL;

        /** The mode named {@code s} (standard, isd or local). */
        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode must be one of standard, isd, local: " + s);
        }

        /** The lower-case name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Settings of one run. */
    public record Config(Mode mode, double b, double switchProbability, PhaseProcess process, int epochs,
                         double rate, double threshold, int[] hidden, long evalEvery, long seed) {
        /** Checks every setting, naming the bad one. */
        public Config {
            Checks.requireOpenProbability(b, "b");
            Checks.requireHalfOpenProbability(switchProbability, "switch-prob");
            Checks.requireAtLeast(epochs, 1, "epochs");
            Checks.requirePositive(rate, "lr");
            Checks.requireFinite(threshold, "threshold");
            Checks.requireAtLeast(evalEvery, 1L, "eval-every");
            if (hidden.length == 0) {
                throw new IllegalArgumentException("hidden must list at least one layer size");
            }
            for (int h : hidden) {
                Checks.requireAtLeast(h, 1, "hidden layer size");
            }
        }

        /** docs/experiments.md's settings: 784-500-500, threshold 2, Adam 0.01, 2 epochs, b 0.5. */
        public static Config paper(Mode mode, long seed) {
            return new Config(mode, 0.5, 0.05, null, 2, 0.01, 2.0, new int[]{500, 500}, 1000, seed);
        }

        /** The same settings with {@code e} epochs. */
        public Config withEpochs(int e) {
            return new Config(mode, b, switchProbability, process, e, rate, threshold, hidden, evalEvery, seed);
        }

        /** The same settings with positive probability {@code v}. */
        public Config withB(double v) {
            return new Config(mode, v, switchProbability, process, epochs, rate, threshold, hidden, evalEvery, seed);
        }

        /** The same settings with switching probability {@code v}. */
        public Config withSwitchProbability(double v) {
            return new Config(mode, b, v, process, epochs, rate, threshold, hidden, evalEvery, seed);
        }

        /** The same settings with a checkpoint every {@code v} steps. */
        public Config withEvalEvery(long v) {
            return new Config(mode, b, switchProbability, process, epochs, rate, threshold, hidden, v, seed);
        }

        PhaseProcess newProcess() {
            return switch (mode) {
                case STANDARD -> null;
                case ISD -> RandomBlockPhaseProcess.of(b, 1);
                case LOCAL -> process != null ? process.copy() : GeometricPhaseProcess.of(b, switchProbability);
            };
        }
    }

    /** Called at step 0, every {@code evalEvery} steps and at the end. */
    @FunctionalInterface
    public interface Listener {
        /** A checkpoint at {@code step}; {@code net} is the live net (evaluate it, do not keep it). */
        void onCheckpoint(long step, ForwardForwardNet net);
    }

    /** The trained net, steps done, positive and negative examples seen, wall seconds, and why it stopped early. */
    public record Result(ForwardForwardNet net, long steps, long positiveExamples, long negativeExamples,
                         double wallSeconds, String divergence) {
        /** Positive plus negative examples per wall-clock second. */
        public double examplesPerSecond() {
            return (positiveExamples + negativeExamples) / Math.max(wallSeconds, 1e-9);
        }

        /** Training steps per wall-clock second. */
        public double stepsPerSecond() {
            return steps / Math.max(wallSeconds, 1e-9);
        }
    }

    private final Config config;

    /** A trainer with these settings. */
    public ForwardForwardTrainer(Config config) {
        this.config = config;
    }

    /** A fresh net of the configured sizes, initialised from a stream of the seed distinct from training's. */
    public ForwardForwardNet newNet(int inputSize, int classes) {
        int[] sizes = new int[config.hidden().length + 1];
        sizes[0] = inputSize;
        System.arraycopy(config.hidden(), 0, sizes, 1, config.hidden().length);
        return ForwardForwardNet.of(sizes, classes, config.threshold(), Rngs.stream(config.seed(), -1));
    }

    /** Trains {@code net} in place on labelled images, calling {@code listener} at every checkpoint. */
    public Result train(ForwardForwardNet net, double[][] images, int[] labels, Listener listener) {
        if (images.length == 0 || images.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as images, at least one: " + images.length
                    + " images, " + labels.length + " labels");
        }
        Listener l = listener == null ? (s, n) -> { } : listener;
        long start = System.nanoTime();
        RandomGenerator rng = Rngs.create(config.seed());
        ShuffledCycle cycle = new ShuffledCycle(images.length);
        PhaseProcess process = config.newProcess();
        int layers = net.layerCount();
        double[][] grads = new double[layers][];
        AdamOptimizer[] adam = new AdamOptimizer[layers];
        for (int k = 0; k < layers; k++) {
            grads[k] = new double[net.layer(k).parameterCount()];
            adam[k] = new AdamOptimizer(grads[k].length, config.rate());
        }
        ForwardForwardNet.Pass pass = net.newPass();
        long total = (long) config.epochs() * images.length;
        long positives = 0;
        long negatives = 0;
        String divergence = null;
        l.onCheckpoint(0, net);
        long step = 0;
        while (step < total) {
            int k = cycle.next(rng);
            int label = labels[k];
            if (config.mode() == Mode.STANDARD) {
                accumulate(net, images[k], label, true, 1.0, pass, grads);
                accumulate(net, images[k], wrongLabel(label, net.classes(), rng), false, 1.0, pass, grads);
                positives++;
                negatives++;
            } else {
                Phase z = process.next(rng);
                boolean positive = z.isPositive();
                double w = Math.abs(process.weight(z));
                int shown = positive ? label : wrongLabel(label, net.classes(), rng);
                accumulate(net, images[k], shown, positive, w, pass, grads);
                if (positive) {
                    positives++;
                } else {
                    negatives++;
                }
            }
            for (int layer = 0; layer < layers; layer++) {
                adam[layer].step(net.layer(layer).parameters(), grads[layer]);
            }
            step++;
            if (step % config.evalEvery() == 0 || step == total) {
                if (!allLayersFinite(net)) {
                    divergence = "parameters became NaN or infinite by step " + step + "; stopped";
                    break;
                }
                l.onCheckpoint(step, net);
            }
        }
        return new Result(net, step, positives, negatives, (System.nanoTime() - start) / 1e9, divergence);
    }

    static void accumulate(ForwardForwardNet net, double[] image, int label, boolean positive, double weight,
                           ForwardForwardNet.Pass pass, double[][] grads) {
        net.forward(image, label, pass);
        for (int layer = 0; layer < net.layerCount(); layer++) {
            net.layer(layer).addGradient(pass.activations(layer), positive, weight, grads[layer]);
        }
    }

    static int wrongLabel(int label, int classes, RandomGenerator rng) {
        int w = rng.nextInt(classes - 1);
        return w >= label ? w + 1 : w;
    }

    static boolean allLayersFinite(ForwardForwardNet net) {
        for (int layer = 0; layer < net.layerCount(); layer++) {
            if (!Checks.allFinite(net.layer(layer).parameters())) {
                return false;
            }
        }
        return true;
    }
}
