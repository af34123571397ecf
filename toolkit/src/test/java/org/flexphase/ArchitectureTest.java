package org.flexphase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The one-way dependency direction: the core never imports the edge (tables, charts, CLI, JSON), and no package cycles. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.flexphase");
    static final String[] CORE = {"org.flexphase.phases..", "org.flexphase.models..", "org.flexphase.learning..",
        "org.flexphase.exact..", "org.flexphase.estimation..", "org.flexphase.data..", "org.flexphase.util..",
        "org.flexphase.forwardforward..", "org.flexphase.circuits..", "org.flexphase.hopfield.."};

    @Test
    void coreUsesOnlyTheJdkAndEjml() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                "tech.tablesaw..", "org.knowm..", "picocli..", "com.fasterxml..", "me.tongfei..",
                "org.flexphase.experiments..", "org.flexphase.sweeps..", "org.flexphase.runs..", "org.flexphase.plots..",
                "org.flexphase.tables..", "org.flexphase.cli..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.flexphase.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
