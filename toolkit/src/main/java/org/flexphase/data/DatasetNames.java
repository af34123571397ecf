package org.flexphase.data;

import java.util.List;

/** The names runs give their datasets ({@code data} of a {@code train}, {@code ep} or {@code ff} run). */
public final class DatasetNames {
    /** Binary patterns small enough for exact evaluation: bars and stripes 4x4 and 3x3. */
    public static final List<String> BINARY = List.of("bas4", "bas3");
    /** Labelled images: the MNIST subset and Fashion-MNIST, in the order help texts show them. */
    public static final List<String> LABELLED = List.of("mnist", "fashion");

    private DatasetNames() {
    }

    /** Pixels per pattern (binary data) or per image (labelled), without labels. */
    public static int inputUnits(String data) {
        return switch (data) {
            case "bas4" -> 16;
            case "bas3" -> 9;
            default -> 784;
        };
    }
}
