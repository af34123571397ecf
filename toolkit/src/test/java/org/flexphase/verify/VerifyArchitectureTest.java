package org.flexphase.verify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kit stays generic: it imports no model family and only the JDK, EJML and the core it checks; and no family
 * imports the kit (tests and notebooks do the wiring).
 */
class VerifyArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.flexphase");
    static final String[] FAMILIES = {"org.flexphase.boltzmann..", "org.flexphase.hopfield..",
        "org.flexphase.circuits..", "org.flexphase.forwardforward..", "org.flexphase.exact.."};

    @Test
    void theKitImportsNoFamilyAndNoEdgeLibrary() {
        noClasses().that().resideInAPackage("org.flexphase.verify..").should().dependOnClassesThat()
                .resideInAnyPackage(FAMILIES).check(CLASSES);
        noClasses().that().resideInAPackage("org.flexphase.verify..").should().dependOnClassesThat()
                .resideInAnyPackage("tech.tablesaw..", "org.knowm..", "picocli..", "com.fasterxml..", "me.tongfei..",
                        "org.flexphase.experiments..", "org.flexphase.sweeps..", "org.flexphase.runs..",
                        "org.flexphase.plots..", "org.flexphase.tables..", "org.flexphase.cli..", "org.flexphase.data..",
                        "org.flexphase.estimation..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.flexphase.verify..").should().dependOnClassesThat()
                .haveNameMatching("org\\.flexphase\\.models\\.(?!ContrastiveSystem).*").check(CLASSES);
    }

    @Test
    void noFamilyImportsTheKit() {
        noClasses().that().resideOutsideOfPackage("org.flexphase.verify..").should().dependOnClassesThat()
                .resideInAPackage("org.flexphase.verify..").check(CLASSES);
    }
}
