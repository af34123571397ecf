package org.flexphase.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST folders whose IDX files are well-formed but of the wrong sizes fail naming the file and why. */
public class FashionMnistTest {
    static void images(Path file, int count, int rows, int cols) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x0803);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int k = 0; k < count * rows * cols; k++) {
                out.write(k % 251);
            }
        }
    }

    static void labels(Path file, int count) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x0801);
            out.writeInt(count);
            for (int k = 0; k < count; k++) {
                out.write(k % 10);
            }
        }
    }

    public static Path folder(Path dir, int trainSide, int testSide, int testCount) throws IOException {
        images(dir.resolve("train-images-idx3-ubyte.gz"), 30, trainSide, trainSide);
        labels(dir.resolve("train-labels-idx1-ubyte.gz"), 30);
        images(dir.resolve("t10k-images-idx3-ubyte.gz"), testCount, testSide, testSide);
        labels(dir.resolve("t10k-labels-idx1-ubyte.gz"), testCount);
        return dir;
    }

    @Test
    void wellFormedFilesOfFashionMnistsShapeLoad(@TempDir Path dir) throws IOException {
        MnistSubset.Split s = FashionMnist.load(folder(dir, 28, 28, 10));
        assertEquals(30, s.train().count());
        assertEquals(784, s.test().pixelsPerImage());
    }

    @Test
    void testImagesOfAnotherSizeNameTheFileAndBothShapes(@TempDir Path dir) throws IOException {
        var e = assertThrows(IdxFiles.DataFileException.class, () -> FashionMnist.load(folder(dir, 28, 14, 10)));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz") && e.getMessage().contains("14x14")
                && e.getMessage().contains("28x28"), e.getMessage());
    }

    @Test
    void trainImagesOfAnotherSizeNameTheirFile(@TempDir Path dir) throws IOException {
        var e = assertThrows(IdxFiles.DataFileException.class, () -> FashionMnist.load(folder(dir, 20, 28, 10)));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains("20x20"),
                e.getMessage());
    }

    @Test
    void anEmptySplitIsNamed(@TempDir Path dir) throws IOException {
        var e = assertThrows(IdxFiles.DataFileException.class, () -> FashionMnist.load(folder(dir, 28, 28, 0)));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz") && e.getMessage().contains("no images"),
                e.getMessage());
    }
}
