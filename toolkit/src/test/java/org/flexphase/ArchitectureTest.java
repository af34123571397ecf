package org.flexphase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The map of the house (docs/design-notes.md, "The map of the house"), kept true: each package may import only the
 * packages listed for it, so dependencies run one way (foundation, seam, families, analysis, edge), the seam knows no
 * family, no family knows another, and the core never imports an edge library.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.flexphase");

    static final String[] FAMILIES = {"boltzmann", "hopfield", "circuits", "forwardforward"};

    /** Package → the project packages it may import (besides itself, the JDK and, in the core, EJML). */
    static final Map<String, List<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        // Foundation
        MAY_IMPORT.put("util", List.of());
        MAY_IMPORT.put("phases", List.of("util"));
        MAY_IMPORT.put("data", List.of("util"));
        // The seam
        MAY_IMPORT.put("learning", List.of("phases", "data", "util"));
        // Families: the seam and the foundation, never one another
        MAY_IMPORT.put("boltzmann", List.of("learning", "phases", "data", "util"));
        MAY_IMPORT.put("hopfield", List.of("learning", "phases", "data", "util"));
        MAY_IMPORT.put("circuits", List.of("learning", "phases", "data", "util"));
        MAY_IMPORT.put("forwardforward", List.of("learning", "phases", "data", "util"));
        // Analysis of a family
        MAY_IMPORT.put("exact", List.of("boltzmann", "learning", "phases", "data", "util"));
        MAY_IMPORT.put("estimation", List.of("boltzmann", "util"));
        // The contract kit checks any system through the seam alone; nothing in main imports it (tests, notebooks do)
        MAY_IMPORT.put("verify", List.of("learning", "phases", "util"));
        // Edge: tables, figures, runs, sweeps, experiments, the bench tables and the command line
        MAY_IMPORT.put("tables", List.of("boltzmann", "hopfield", "circuits", "forwardforward", "learning", "phases",
                "data", "util"));
        MAY_IMPORT.put("plots", List.of("tables", "boltzmann", "hopfield", "circuits", "forwardforward", "util"));
        MAY_IMPORT.put("runs", List.of("tables", "plots", "boltzmann", "hopfield", "circuits", "forwardforward",
                "exact", "estimation", "learning", "phases", "data", "util"));
        MAY_IMPORT.put("sweeps", List.of("runs", "tables", "plots", "boltzmann", "hopfield", "circuits", "forwardforward",
                "learning", "phases", "data", "util"));
        MAY_IMPORT.put("experiments", List.of("sweeps", "runs", "tables", "plots", "boltzmann", "hopfield",
                "circuits", "forwardforward", "exact", "estimation", "learning", "phases", "data", "util"));
        MAY_IMPORT.put("bench", List.of("runs", "tables", "plots", "boltzmann", "hopfield", "circuits",
                "forwardforward", "exact", "estimation", "learning", "phases", "data", "util"));
        MAY_IMPORT.put("cli", List.of("bench", "experiments", "sweeps", "runs", "tables", "plots", "boltzmann",
                "hopfield", "circuits", "forwardforward", "exact", "estimation", "learning", "phases", "data", "util"));
    }

    static final Set<String> EDGE = Set.of("tables", "plots", "runs", "sweeps", "experiments", "bench", "cli");

    static Stream<String> packages() {
        return MAY_IMPORT.keySet().stream();
    }

    @Test
    void everyPackageIsOnTheMap() {
        Set<String> present = CLASSES.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.flexphase."))
                .map(p -> p.substring("org.flexphase.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), present,
                "a new package goes on the map (here and in docs/design-notes.md) with what it may import");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void importsOnlyWhatTheMapAllows(String pkg) {
        String[] allowed = Stream.concat(Stream.of(pkg), MAY_IMPORT.get(pkg).stream())
                .map(p -> "org.flexphase." + p + "..").toArray(String[]::new);
        String[] others = MAY_IMPORT.keySet().stream().filter(p -> !Arrays.asList(allowed).contains(
                "org.flexphase." + p + "..")).map(p -> "org.flexphase." + p + "..").toArray(String[]::new);
        if (others.length > 0) {
            noClasses().that().resideInAPackage("org.flexphase." + pkg + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).because("docs/design-notes.md: " + pkg + " may import only "
                            + MAY_IMPORT.get(pkg)).check(CLASSES);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corePackages")
    void coreUsesOnlyTheJdkAndEjml(String pkg) {
        classes().that().resideInAPackage("org.flexphase." + pkg + "..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.ejml..", "org.flexphase..").allowEmptyShould(true).check(CLASSES);
    }

    static Stream<String> corePackages() {
        return packages().filter(p -> !EDGE.contains(p));
    }

    @Test
    void noFamilyImportsAnother() {
        for (String f : FAMILIES) {
            String[] others = Arrays.stream(FAMILIES).filter(g -> !g.equals(f)).map(g -> "org.flexphase." + g + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.flexphase." + f + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).check(CLASSES);
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.flexphase.(*)..").should().beFreeOfCycles().check(CLASSES);
        slices().matching("org.flexphase.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
