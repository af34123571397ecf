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
 *   <li>{@code STANDARD}: every step trains on a positive (an image with its true label) and a negative (by
 *       default the same image with a wrong label), loss {@code L+ + L-}.</li>
 *   <li>{@code ISD}: every step is positive with probability {@code b}, loss weighted {@code 1/b} or
 *       {@code 1/(1-b)}, so its expected gradient is the standard one (docs/theory.md T10; the published code weighted
 *       by 1, {@link IsdWeights#PUBLISHED}).</li>
 *   <li>{@code LOCAL}: the phase type follows a phase process (geometric lengths by default, any process if
 *       given): runs of positive steps and runs of negative ones, weighted {@code 1/rho+} and {@code 1/rho-}.</li>
 * </ul>
 * Two protocol choices ({@link Negatives}, {@link IsdWeights}) switch to the published script's behaviour for
 * side-by-side runs (docs/design-notes.md, "Forward-Forward protocols"); the defaults are the toolkit's.
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
            return parseEnum(Mode.class, s, "mode");
        }

        /** The lower-case name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where negative examples come from ({@link NegativeLabels}). */
    public enum Negatives {
        /** The step's own image with a fresh wrong label: never the true label. */
        PAIRED,
        /**
         * A fixed set built once, each image with a label from a random permutation of all training labels (so
         * about one in ten carries its true label), drawn in an order shuffled independently of the positives:
         * a step pairs a positive of one image with a negative of another.
         */
        PUBLISHED;

        public static Negatives parse(String s) {
            return parseEnum(Negatives.class, s, "negatives");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a step that trains on one phase only (isd, local) weights its gradient. */
    public enum IsdWeights {
        /** {@code 1/rho+} and {@code 1/rho-} ({@code 1/b} and {@code 1/(1-b)} for isd): unbiased for the standard gradient. */
        UNBIASED,
        /** 1 for both, as the published script: the expected gradient is {@code rho+ g+ + rho- g-}. */
        PUBLISHED;

        public static IsdWeights parse(String s) {
            return parseEnum(IsdWeights.class, s, "isd-weights");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The weight of a step in phase {@code z} of {@code process}. */
        public double weight(PhaseProcess process, Phase z) {
            return this == PUBLISHED ? 1.0 : Math.abs(process.weight(z));
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String name) {
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(name + " must be one of " + allowed + ": " + s);
    }

    /** Settings of one run. */
    public record Config(Mode mode, double b, double switchProbability, PhaseProcess process, int epochs,
                         double rate, double threshold, int[] hidden, long evalEvery, long seed,
                         Negatives negatives, IsdWeights isdWeights) {
        /** The toolkit's protocol: paired negatives, unbiased weights. */
        public Config(Mode mode, double b, double switchProbability, PhaseProcess process, int epochs,
                      double rate, double threshold, int[] hidden, long evalEvery, long seed) {
            this(mode, b, switchProbability, process, epochs, rate, threshold, hidden, evalEvery, seed,
                    Negatives.PAIRED, IsdWeights.UNBIASED);
        }

        /** Checks every setting, naming the bad one. */
        public Config {
            if (negatives == null || isdWeights == null) {
                throw new IllegalArgumentException("negatives and isd-weights must be set: " + negatives + ", "
                        + isdWeights);
            }
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
            return new Config(mode, b, switchProbability, process, e, rate, threshold, hidden, evalEvery, seed,
                    negatives, isdWeights);
        }

        /** The same settings with positive probability {@code v}. */
        public Config withB(double v) {
            return new Config(mode, v, switchProbability, process, epochs, rate, threshold, hidden, evalEvery, seed,
                    negatives, isdWeights);
        }

        /** The same settings with switching probability {@code v}. */
        public Config withSwitchProbability(double v) {
            return new Config(mode, b, v, process, epochs, rate, threshold, hidden, evalEvery, seed, negatives,
                    isdWeights);
        }

        /** The same settings with a checkpoint every {@code v} steps. */
        public Config withEvalEvery(long v) {
            return new Config(mode, b, switchProbability, process, epochs, rate, threshold, hidden, v, seed,
                    negatives, isdWeights);
        }

        public Config withNegatives(Negatives v) {
            return new Config(mode, b, switchProbability, process, epochs, rate, threshold, hidden, evalEvery, seed,
                    v, isdWeights);
        }

        public Config withIsdWeights(IsdWeights v) {
            return new Config(mode, b, switchProbability, process, epochs, rate, threshold, hidden, evalEvery, seed,
                    negatives, v);
        }

        /** Both protocol choices as the published script makes them. */
        public Config withPublishedProtocol() {
            return withNegatives(Negatives.PUBLISHED).withIsdWeights(IsdWeights.PUBLISHED);
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

    /**
     * The trained net, steps done, positive and negative examples seen, wall seconds, and why it stopped early; a
     * diverged run's net holds the parameters of its last checkpoint, the last finite ones.
     */
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

    /** Sees every example a step trains on: which image, which label shown, positive or negative. */
    @FunctionalInterface
    interface ExampleObserver {
        void onExample(long step, int image, int label, boolean positive);
    }

    /** Trains {@code net} in place on labelled images, calling {@code listener} at every checkpoint. */
    public Result train(ForwardForwardNet net, double[][] images, int[] labels, Listener listener) {
        return train(net, images, labels, listener, null);
    }

    Result train(ForwardForwardNet net, double[][] images, int[] labels, Listener listener, ExampleObserver observer) {
        checkData(images, labels);
        Listener l = listener == null ? (s, n) -> { } : listener;
        long start = System.nanoTime();
        Examples examples = new Examples(net, images, labels, observer);
        int layers = net.layerCount();
        double[][] grads = newGradients(net);
        AdamOptimizer[] adam = new AdamOptimizer[layers];
        for (int k = 0; k < layers; k++) {
            adam[k] = new AdamOptimizer(grads[k].length, config.rate());
        }
        long total = (long) config.epochs() * images.length;
        String divergence = null;
        double[][] lastFinite = new double[layers][];
        long lastCheckpoint = 0;
        keep(net, lastFinite);
        l.onCheckpoint(0, net);
        long step = 0;
        while (step < total) {
            examples.accumulateStep(grads, step);
            for (int layer = 0; layer < layers; layer++) {
                adam[layer].step(net.layer(layer).parameters(), grads[layer]);
            }
            step++;
            if (step % config.evalEvery() == 0 || step == total) {
                if (!allLayersFinite(net)) {
                    divergence = "parameters became NaN or infinite by step " + step
                            + "; stopped, keeping the network of the last checkpoint (step " + lastCheckpoint + ")";
                    restore(net, lastFinite);
                    break;
                }
                keep(net, lastFinite);
                lastCheckpoint = step;
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
        Examples examples = new Examples(net, images, labels, null);
        double[][] grads = newGradients(net);
        for (long step = 0; step < steps; step++) {
            examples.accumulateStep(grads, step);
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
        final NegativeLabels negativeLabels;
        final ShuffledCycle negativeCycle;
        final ExampleObserver observer;
        long positives;
        long negatives;

        Examples(ForwardForwardNet net, double[][] images, int[] labels, ExampleObserver observer) {
            this.net = net;
            this.images = images;
            this.labels = labels;
            this.cycle = new ShuffledCycle(images.length);
            this.pass = net.newPass();
            // Published negatives come from their own stream of the seed, so the paired protocol's draws (and so
            // its results) are those of the toolkit before the option existed.
            this.negativeLabels = NegativeLabels.of(config.negatives(), labels, net.classes(),
                    Rngs.stream(config.seed(), -2));
            this.negativeCycle = negativeLabels.isFixed() ? new ShuffledCycle(images.length) : null;
            this.observer = observer;
        }

        /** Chooses this step's example(s) and adds their weighted gradients into {@code grads}. */
        void accumulateStep(double[][] grads, long step) {
            int k = cycle.next(rng);
            int q = negativeCycle != null ? negativeCycle.next(rng) : k;
            if (config.mode() == Mode.STANDARD) {
                int shown = negativeLabels.label(q, rng);
                accumulate(net, images[k], labels[k], true, 1.0, pass, grads);
                accumulate(net, images[q], shown, false, 1.0, pass, grads);
                if (observer != null) {
                    observer.onExample(step, k, labels[k], true);
                    observer.onExample(step, q, shown, false);
                }
                positives++;
                negatives++;
            } else {
                Phase z = process.next(rng);
                boolean positive = z.isPositive();
                double w = config.isdWeights().weight(process, z);
                int image = positive ? k : q;
                int shown = positive ? labels[k] : negativeLabels.label(q, rng);
                accumulate(net, images[image], shown, positive, w, pass, grads);
                if (positive) {
                    positives++;
                } else {
                    negatives++;
                }
                if (observer != null) {
                    observer.onExample(step, image, shown, positive);
                }
            }
        }
    }

    /** Copies every layer's parameters into {@code into} (allocated on first use). */
    static void keep(ForwardForwardNet net, double[][] into) {
        for (int layer = 0; layer < net.layerCount(); layer++) {
            double[] p = net.layer(layer).parameters();
            if (into[layer] == null) {
                into[layer] = p.clone();
            } else {
                System.arraycopy(p, 0, into[layer], 0, p.length);
            }
        }
    }

    static void restore(ForwardForwardNet net, double[][] from) {
        for (int layer = 0; layer < net.layerCount(); layer++) {
            System.arraycopy(from[layer], 0, net.layer(layer).parameters(), 0, from[layer].length);
        }
    }

    static void accumulate(ForwardForwardNet net, double[] image, int label, boolean positive, double weight,
                           ForwardForwardNet.Pass pass, double[][] grads) {
        net.forward(image, label, pass);
        for (int layer = 0; layer < net.layerCount(); layer++) {
            net.layer(layer).addGradient(pass.activations(layer), positive, weight, grads[layer]);
        }
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
