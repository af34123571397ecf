package org.flexphase.forwardforward;

import java.util.Locale;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link ForwardForwardNet} one image per step (batch size 1), each layer on its own loss, by Adam over the
 * net's parameter vector, on the images of a shuffled cycle through the training set ({@link ExampleStream}). The
 * run is a {@code learning.LearningLoop} like every family's: the budget is {@code epochs} times the images, the
 * rate is Adam's step size, a checkpoint comes every {@code evalEvery} steps, and NaN or infinite parameters stop
 * the run with the net of its last checkpoint.
 *
 * <ul>
 *   <li>{@code STANDARD}: every step trains on a positive (an image with its true label) and a negative (by
 *       default the same image with a wrong label), loss {@code L+ + L-}.</li>
 *   <li>{@code ISD}: every step is positive with probability {@code b}, loss weighted {@code 1/b} or
 *       {@code 1/(1-b)}, so its expected gradient is the standard one (docs/theory.md T10; the published code weighted
 *       by 1, {@link IsdWeights#PUBLISHED}).</li>
 *   <li>{@code LOCAL}: the phase type follows a phase process (geometric lengths by default, any process through
 *       {@link #withPhaseProcess}): runs of positive steps and runs of negative ones, weighted {@code 1/rho+} and {@code 1/rho-}.</li>
 * </ul>
 * Settings are a {@link ForwardForwardSettings}. Two protocol choices ({@link Negatives}, {@link IsdWeights}) switch to the published script's behaviour for
 * side-by-side runs (docs/design-notes.md, "Forward-Forward protocols"); the defaults are the toolkit's.
 * A wrong label is drawn uniformly from the other classes.
 *
 * <pre>{@code
 * ForwardForwardTrainer trainer = new ForwardForwardTrainer(ForwardForwardSettings.DEFAULTS.withMode(Mode.ISD));
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

    /** The constant named {@code s} in any case, or InvalidSetting's message listing the lower-case names. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new InvalidSetting(name, s, InvalidSetting.labels(type));
    }

    /** Called at step 0, every {@code evalEvery} steps and at the end. */
    @FunctionalInterface
    public interface Listener {
        /** A checkpoint at {@code step}; {@code net} is the live net (evaluate it, do not keep it). */
        void onCheckpoint(long step, ForwardForwardNet net);
    }

    /**
     * The trained net, steps done, positive and negative examples seen, wall seconds, and why it stopped early; a
     * diverged run's net holds the parameters of its last checkpoint, the last finite ones, and its steps are those
     * taken until the NaN/Inf check found the divergence.
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

    private final ForwardForwardSettings settings;
    private final PhaseProcess process;

    /** A trainer with these settings (validated here). */
    public ForwardForwardTrainer(ForwardForwardSettings settings) {
        this(settings, null);
        settings.validate();
    }

    private ForwardForwardTrainer(ForwardForwardSettings settings, PhaseProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * This trainer with LOCAL mode's phase types drawn from {@code process} (each run from a fresh copy) instead of
     * the settings' geometric process ({@code b}, {@code switch_prob}): for proofs and studies of phase processes a
     * run cannot name.
     */
    public ForwardForwardTrainer withPhaseProcess(PhaseProcess process) {
        return new ForwardForwardTrainer(settings, java.util.Objects.requireNonNull(process, "process"));
    }

    /** The settings. */
    public ForwardForwardSettings settings() {
        return settings;
    }

    /** The phase process given by {@link #withPhaseProcess}, or null (LOCAL mode switches geometrically). */
    public PhaseProcess phaseProcess() {
        return process;
    }

    /** A fresh phase process for a run: none (standard), random blocks of 1 (isd), the local mode's process. */
    PhaseProcess newProcess() {
        return switch (settings.mode()) {
            case STANDARD -> null;
            case ISD -> RandomBlockPhaseProcess.of(settings.b(), 1);
            case LOCAL -> process != null ? process.copy() : GeometricPhaseProcess.of(settings.b(),
                    settings.switchProb());
        };
    }

    /** A fresh net of the configured sizes, initialised from a stream of the seed distinct from training's. */
    public ForwardForwardNet newNet(int inputSize, int classes) {
        int[] hidden = settings.hiddenSizes();
        int[] sizes = new int[hidden.length + 1];
        sizes[0] = inputSize;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        return ForwardForwardNet.of(sizes, classes, settings.threshold(), Rngs.stream(settings.seed(), -1));
    }

    /** Trains {@code net} in place on labelled images, calling {@code listener} at every checkpoint. */
    public Result train(ForwardForwardNet net, double[][] images, int[] labels, Listener listener) {
        return train(net, images, labels, listener, null);
    }

    /**
     * Trains as {@link #train(ForwardForwardNet, double[][], int[], Listener)} on {@code learning.LearningLoop}: one
     * loop step per training step, a checkpoint every {@code evalEvery} steps and at the end, and a NaN/Inf stop
     * that leaves the net at its last checkpoint.
     */
    Result train(ForwardForwardNet net, double[][] images, int[] labels, Listener listener,
                 ExampleStream.Observer observer) {
        checkData(images, labels);
        Listener l = listener == null ? (s, n) -> { } : listener;
        ExampleStream examples = new ExampleStream(settings, newProcess(), net, images, labels, observer);
        LearningLoop loop = new LearningLoop(net.parameters(), null, LearningRateSchedule.constant(settings.lr()),
                (long) settings.epochs() * images.length, settings.evalEvery(), Long.MAX_VALUE, 1,
                lp -> l.onCheckpoint(lp.step(), net));
        if (loop.begin()) {
            run(loop, examples, net.parameters());
        }
        loop.finish();
        return new Result(net, loop.step(), examples.positives(), examples.negatives(), loop.wallSeconds(),
                loop.divergence());
    }

    /**
     * Runs {@code steps} steps of these settings' example choice with the net frozen, adding each step's
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
        if (steps == 0) {
            return;
        }
        // The loop sums into one array of the net's layout; starting it from the caller's sums keeps every addition
        // the per-layer one it was before the net had a flat vector.
        double[] flat = new double[net.parameterCount()];
        for (int layer = 0; layer < sums.length; layer++) {
            System.arraycopy(sums[layer], 0, flat, net.layer(layer).offset(), net.layer(layer).parameterCount());
        }
        LearningLoop loop = new LearningLoop(net.parameters(), flat, LearningRateSchedule.constant(1), steps, steps,
                Long.MAX_VALUE, 1, null);
        run(loop, new ExampleStream(settings, newProcess(), net, images, labels, null), net.parameters());
        for (int layer = 0; layer < sums.length; layer++) {
            System.arraycopy(flat, net.layer(layer).offset(), sums[layer], 0, net.layer(layer).parameterCount());
        }
    }

    /**
     * The loop body: a step's gradient goes to Adam at the loop's rate while learning, or is added as it is into the
     * loop's sum while frozen. Adam is this loop's step rule rather than the loop's {@code target()} arithmetic
     * because its step is not a multiple of the gradient (docs/design-notes.md).
     */
    private static void run(LearningLoop loop, ExampleStream examples, double[] theta) {
        double[] gradient = new double[theta.length];
        double[] target = loop.target();
        AdamOptimizer adam = loop.frozen() ? null : new AdamOptimizer(theta.length);
        while (loop.running()) {
            Phase z = examples.addStepGradient(gradient, loop.step());
            if (adam != null) {
                adam.stepInPlace(theta, gradient, loop.rate());
            } else {
                for (int k = 0; k < gradient.length; k++) {
                    target[k] += gradient[k];
                    gradient[k] = 0;
                }
            }
            loop.countUpdate();
            loop.advance(z, 1);
        }
    }

    private static void checkData(double[][] images, int[] labels) {
        if (images.length == 0 || images.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as images, at least one: " + images.length
                    + " images, " + labels.length + " labels");
        }
    }
}
