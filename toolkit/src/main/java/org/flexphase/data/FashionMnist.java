package org.flexphase.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017; MIT licence) as installed by Debian's
 * {@code dataset-fashion-mnist} package: the official split, 60,000 training and 10,000 test images in IDX
 * files. Not shipped with the toolkit; {@link #load(Path)} says how to install it when the folder is missing.
 */
public final class FashionMnist {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Fashion-MNIST's images are 28x28, as MNIST's. */
    static final int SIDE = 28;

    private FashionMnist() {
    }

    /** Loads Fashion-MNIST from {@code dir} with the same split as the MNIST subset. */
    public static MnistSubset.Split load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IdxFiles.DataFileException(dir + ": missing; Fashion-MNIST is not shipped with flexphase. "
                    + "Install it with 'sudo apt-get install dataset-fashion-mnist' (Debian/Ubuntu) or pass "
                    + "--data-dir with a folder holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                    + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz");
        }
        return new MnistSubset.Split(read(dir, "train", "fashion-mnist/train"), read(dir, "t10k", "fashion-mnist/test"));
    }

    static Digits read(Path dir, String prefix, String name) {
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        int[] shape = new int[3];
        byte[] pixels = IdxFiles.readImages(MnistSubset.read(images), images.toString(), shape);
        // The models are sized from the training images; a test set of another shape would index past them.
        if (shape[1] != SIDE || shape[2] != SIDE) {
            throw new IdxFiles.DataFileException(images + ": images are " + shape[1] + "x" + shape[2]
                    + " pixels; Fashion-MNIST's are " + SIDE + "x" + SIDE);
        }
        if (shape[0] == 0) {
            throw new IdxFiles.DataFileException(images + ": holds no images");
        }
        byte[] l = IdxFiles.readLabels(MnistSubset.read(labels), labels.toString());
        if (l.length != shape[0]) {
            throw new IdxFiles.DataFileException(labels + ": " + l.length + " labels for " + shape[0] + " images in " + images);
        }
        return new Digits(name, shape[0], shape[1], shape[2], pixels, l);
    }
}
