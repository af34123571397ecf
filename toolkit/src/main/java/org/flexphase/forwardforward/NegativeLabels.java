package org.flexphase.forwardforward;

import java.util.random.RandomGenerator;

/**
 * The label a negative example of training image {@code k} shows, under one of the two protocols of
 * {@link ForwardForwardTrainer.Negatives}.
 *
 * <ul>
 *   <li>{@code PAIRED}: a fresh label drawn uniformly from the classes other than the image's own, at every use;
 *       a negative is never a positive in disguise.</li>
 *   <li>{@code PUBLISHED}: one label per image, fixed for the whole run: the training labels permuted uniformly at
 *       random, as the published script builds its negatives once. Image {@code k} shows
 *       {@code labels[pi(k)]}, which equals its own label with probability {@code n_c / N} for an image of class
 *       {@code c} ({@code n_c} images of {@code N}), about one in ten on MNIST: those "negatives" are positives
 *       trained with the negative loss.</li>
 * </ul>
 */
public final class NegativeLabels {
    private final int[] labels;
    private final int classes;
    /** The fixed negative label of each image, or null when a fresh wrong label is drawn at each use. */
    private final int[] fixed;

    private NegativeLabels(int[] labels, int classes, int[] fixed) {
        this.labels = labels;
        this.classes = classes;
        this.fixed = fixed;
    }

    /** Fresh wrong labels: consumes one {@code nextInt} per {@link #label} call. */
    public static NegativeLabels paired(int[] labels, int classes) {
        return new NegativeLabels(labels, classes, null);
    }

    /** A fixed permutation of {@code labels} (Fisher-Yates from {@code rng}); {@link #label} consumes nothing. */
    public static NegativeLabels published(int[] labels, int classes, RandomGenerator rng) {
        int[] permuted = labels.clone();
        for (int i = permuted.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = permuted[i];
            permuted[i] = permuted[j];
            permuted[j] = t;
        }
        return new NegativeLabels(labels, classes, permuted);
    }

    public static NegativeLabels of(ForwardForwardTrainer.Negatives protocol, int[] labels, int classes,
                                    RandomGenerator rng) {
        return switch (protocol) {
            case PAIRED -> paired(labels, classes);
            case PUBLISHED -> published(labels, classes, rng);
        };
    }

    /** The label shown with image {@code image} in a negative example. */
    public int label(int image, RandomGenerator rng) {
        return fixed != null ? fixed[image] : wrongLabel(labels[image], classes, rng);
    }

    /** Whether each image's negative label is fixed for the run (the published protocol). */
    public boolean isFixed() {
        return fixed != null;
    }

    /** A label drawn uniformly from the {@code classes - 1} labels other than {@code label}. */
    static int wrongLabel(int label, int classes, RandomGenerator rng) {
        int w = rng.nextInt(classes - 1);
        return w >= label ? w + 1 : w;
    }
}
