package org.flexphase.data;

import java.util.List;

/** The names runs give the labelled image sets ({@code data} of an {@code ep} or {@code ff} run). */
public final class LabelledSets {
    /** The MNIST subset and Fashion-MNIST, in the order help texts show them. */
    public static final List<String> NAMES = List.of("mnist", "fashion");

    private LabelledSets() {
    }
}
