package org.flexphase.runs;

import org.flexphase.util.InvalidSetting;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.data.FashionMnist;
import org.flexphase.data.MnistSubset;

/** The datasets runs name: binary patterns for exact evaluation, and labelled images (loaded once per JVM). */
public final class Datasets {
    /** Binary datasets small enough for exact evaluation. */
    public static final java.util.List<String> BINARY = org.flexphase.data.DatasetNames.BINARY;
    /** Labelled images. */
    public static final java.util.List<String> LABELLED = org.flexphase.data.DatasetNames.LABELLED;
    private static final Map<String, MnistSubset.Split> SPLITS = new ConcurrentHashMap<>();

    private Datasets() {
    }

    public static double[][] binaryRows(String data) {
        return switch (data) {
            case "bas4" -> BarsAndStripes.published4x4();
            case "bas3" -> BarsAndStripes.multiset(3);
            default -> throw new InvalidSetting("data", data, String.join(" | ", BINARY));
        };
    }

    /** Pixels per pattern (binary data) or per image (labelled), without labels. */
    public static int inputUnits(String data) {
        return org.flexphase.data.DatasetNames.inputUnits(data);
    }

    /** The train/test split of a labelled dataset, from {@code dir} or the default location when null. */
    public static MnistSubset.Split labelled(String data, String dir) {
        return SPLITS.computeIfAbsent(data + "\u0000" + dir, k -> switch (data) {
            case "mnist" -> MnistSubset.split(dir == null ? MnistSubset.load() : MnistSubset.load(Path.of(dir)));
            case "fashion" -> FashionMnist.load(dir == null ? FashionMnist.DEBIAN_DIR : Path.of(dir));
            default -> throw new InvalidSetting("data", data, String.join(" | ", LABELLED));
        });
    }
}
