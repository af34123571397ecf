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
 */
public final class ForwardForwardTrainer {
    /** How a step chooses between positive and negative examples. */
    public enum Mode {
        STANDARD, ISD, LOCAL;

        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode must be one of standard, isd, local: " + s);
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Settings of one run. */
    public record Config(Mode mode, double b, double switchProbability, PhaseProcess process, int epochs,
                         double rate, double threshold, int[] hidden, long evalEvery, long seed) {
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

        public Config withEpochs(int e) {
            return new Config(mode, b, switchProbability, process, e, rate, threshold, hidden, evalEvery, seed);
        }

        public Config withB(double v) {
            return new Config(mode, v, switchProbability, process, epochs, rate, threshold, hidden, evalEvery, seed);
        }

        public Config withSwitchProbability(double v) {
            return new Config(mode, b, v, process, epochs, rate, threshold, hidden, evalEvery, seed);
        }

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
        void onCheckpoint(long step, ForwardForwardNet net);
    }

    /** The trained net, steps done, positive and negative examples seen, wall seconds, and why it stopped early. */
    public record Result(ForwardForwardNet net, long steps, long positiveExamples, long negativeExamples,
                         double wallSeconds, String divergence) {
        public double examplesPerSecond() {
            return (positiveExamples + negativeExamples) / Math.max(wallSeconds, 1e-9);
        }

        public double stepsPerSecond() {
            return steps / Math.max(wallSeconds, 1e-9);
        }
    }

    private final Config config;

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

    public Result train(ForwardForwardNet net, double[][] images, int[] labels, Listener listener) {
        checkData(images, labels);
        Listener l = listener == null ? (s, n) -> { } : listener;
        long start = System.nanoTime();
        Examples examples = new Examples(net, images, labels);
        int layers = net.layerCount();
        double[][] grads = newGradients(net);
        AdamOptimizer[] adam = new AdamOptimizer[layers];
        for (int k = 0; k < layers; k++) {
            adam[k] = new AdamOptimizer(grads[k].length, config.rate());
        }
        long total = (long) config.epochs() * images.length;
        String divergence = null;
        l.onCheckpoint(0, net);
        long step = 0;
        while (step < total) {
            examples.accumulateStep(grads);
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
        return new Result(net, step, examples.positives, examples.negatives, (System.nanoTime() - start) / 1e9,
                divergence);
    }

    /**
     * Runs {@code steps} steps of this configuration's example choice with the net frozen, adding each step's
     * weighted loss gradient (the one {@link #train} hands to Adam) into {@code sums}, one array per layer. The
     * examples, phases, weights and random numbers are those of training; divided by {@code steps} the sums estimate
     * the expected step gradient, which for ISD and local learning is the standard one (docs/theory.md T10).
     */
    public void sumGradients(ForwardForwardNet net, double[][] images, int[] labels, long steps, double[][] sums) {
        checkData(images, labels);
        if (sums.length != net.layerCount()) {
            throw new IllegalArgumentException("sums must have one array per layer (" + net.layerCount() + "): "
                    + sums.length);
        }
        Examples examples = new Examples(net, images, labels);
        double[][] grads = newGradients(net);
        for (long step = 0; step < steps; step++) {
            examples.accumulateStep(grads);
            for (int layer = 0; layer < grads.length; layer++) {
                for (int k = 0; k < grads[layer].length; k++) {
                    sums[layer][k] += grads[layer][k];
                    grads[layer][k] = 0;
                }
            }
        }
    }

    private static void checkData(double[][] images, int[] labels) {
        if (images.length == 0 || images.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as images, at least one: " + images.length
                    + " images, " + labels.length + " labels");
        }
    }

    private static double[][] newGradients(ForwardForwardNet net) {
        double[][] grads = new double[net.layerCount()][];
        for (int k = 0; k < grads.length; k++) {
            grads[k] = new double[net.layer(k).parameterCount()];
        }
        return grads;
    }

    /** The example stream of one run: a shuffled cycle through the images and, for ISD and local, the phases. */
    private final class Examples {
        final ForwardForwardNet net;
        final double[][] images;
        final int[] labels;
        final RandomGenerator rng = Rngs.create(config.seed());
        final ShuffledCycle cycle;
        final PhaseProcess process = config.newProcess();
        final ForwardForwardNet.Pass pass;
        long positives;
        long negatives;

        Examples(ForwardForwardNet net, double[][] images, int[] labels) {
            this.net = net;
            this.images = images;
            this.labels = labels;
            this.cycle = new ShuffledCycle(images.length);
            this.pass = net.newPass();
        }

        /** Chooses this step's example(s) and adds their weighted gradients into {@code grads}. */
        void accumulateStep(double[][] grads) {
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
        }
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
