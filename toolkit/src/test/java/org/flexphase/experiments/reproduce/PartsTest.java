package org.flexphase.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsTest {
    @Test
    void theDefaultPartsAreExactlyThoseThatAreNotExtensions() {
        assertEquals(Parts.ALL.stream().filter(p -> !p.extension()).map(Parts.Part::name).toList(),
                List.of(Parts.PAPER.split(",")));
    }

    @Test
    void namesAndOutputFoldersAreDistinct() {
        assertEquals(Parts.ALL.size(), new HashSet<>(Parts.ALL.stream().map(Parts.Part::name).toList()).size());
        assertEquals(Parts.ALL.size(), new HashSet<>(Parts.ALL.stream()
                .map(p -> p.factory().of("quick", false).name()).toList()).size(), "each part writes its own folder");
    }
}
