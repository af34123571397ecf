package org.flexphase.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class BarsAndStripesTest {

    @Test
    void distinctPatternCountsAreTwoToTheNPlusOneMinusTwo() {
        assertEquals(6, BarsAndStripes.distinct(2).length);
        assertEquals(14, BarsAndStripes.distinct(3).length);
        assertEquals(30, BarsAndStripes.distinct(4).length);
    }

    @Test
    void everyPatternIsABarOrAStripe() {
        for (double[] p : BarsAndStripes.multiset(4)) {
            assertTrue(BarsAndStripes.isBarOrStripe(p, 4));
        }
    }

    @Test
    void exactlyTheDistinctPatternsAmongAllImagesAreBarsOrStripes() {
        for (int n = 2; n <= 4; n++) {
            Set<String> expected = new HashSet<>();
            for (double[] p : BarsAndStripes.distinct(n)) {
                expected.add(java.util.Arrays.toString(p));
            }
            Set<String> found = new HashSet<>();
            double[] image = new double[n * n];
            for (int code = 0; code < 1 << (n * n); code++) {
                for (int k = 0; k < n * n; k++) {
                    image[k] = (code >>> k) & 1;
                }
                if (BarsAndStripes.isBarOrStripe(image, n)) {
                    found.add(java.util.Arrays.toString(image));
                }
            }
            assertEquals(expected, found, "n = " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> BarsAndStripes.isBarOrStripe(new double[15], 4));
    }

    @Test
    void publishedDataIsThe32RowMultisetWithItsKnownOptimum() {
        double[][] rows = BarsAndStripes.published4x4();
        assertEquals(32, rows.length);
        assertArrayEquals(BarsAndStripes.multiset(4), rows);
        DataDistribution d = DataDistribution.of(rows);
        assertEquals(30, d.support());
        int doubled = 0;
        for (int k = 0; k < d.support(); k++) {
            if (d.probability(k) == 2 / 32.0) {
                doubled++;
                long code = d.code(k);
                assertTrue(code == 0 || code == 0xFFFF, "only all-0 and all-1 appear twice");
            }
        }
        assertEquals(2, doubled);
        // Sum over the 32 rows of -log p*(row) = 28 ln 32 + 4 ln 16 ~ 108.13 nats.
        assertEquals(28 * Math.log(32) + 4 * Math.log(16), 32 * d.entropy(), 1e-10);
    }

    @Test
    void repositoryCopyEqualsTheClasspathCopy() throws Exception {
        Path repoCopy = Path.of("..", "data", "bas4x4.csv");
        byte[] resource = BarsAndStripes.class.getResourceAsStream(BarsAndStripes.RESOURCE).readAllBytes();
        assertArrayEquals(Files.readAllBytes(repoCopy), resource);
    }

    @Test
    void corruptFilesAreReportedWithFileAndLine() {
        IllegalStateException wrongCount = assertThrows(IllegalStateException.class,
                () -> BarsAndStripes.parse(stream("0,1\n0,1,1\n"), "x.csv", 2));
        assertTrue(wrongCount.getMessage().contains("x.csv") && wrongCount.getMessage().contains("line 2"), wrongCount.getMessage());
        IllegalStateException badValue = assertThrows(IllegalStateException.class,
                () -> BarsAndStripes.parse(stream("0,2\n"), "y.csv", 2));
        assertTrue(badValue.getMessage().contains("'2'") && badValue.getMessage().contains("y.csv"), badValue.getMessage());
        assertThrows(IllegalStateException.class, () -> BarsAndStripes.parse(stream("# only a comment\n"), "z.csv", 2));
    }

    @Test
    void shuffledCycleVisitsEveryIndexOncePerPassAndIsSeeded() {
        RandomGenerator r1 = Rngs.create(5);
        RandomGenerator r2 = Rngs.create(5);
        ShuffledCycle a = new ShuffledCycle(10);
        ShuffledCycle b = new ShuffledCycle(10);
        for (int pass = 0; pass < 5; pass++) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < 10; k++) {
                int i = a.next(r1);
                assertEquals(i, b.next(r2));
                seen.add(i);
            }
            assertEquals(10, seen.size());
        }
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
