package dev.merpati;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The mail system's packages: no cycles, and the mailbox knows nothing of accounts or the pipeline. */
@AnalyzeClasses(packages = "dev.merpati", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.merpati.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theMailboxStandsBelowThePipeline = noClasses()
            .that()
            .resideInAPackage("dev.merpati.mailbox..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.merpati.account..",
                    "dev.merpati.pipeline..",
                    "dev.merpati.delivery..",
                    "dev.merpati.inbound..",
                    "dev.merpati.rewrite..",
                    "dev.merpati.queue..");
}
