package dev.merpati;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The mail system's packages: no cycles, the mailbox knows nothing of accounts or the pipeline, and
 * the IMAP and POP3 translators stand on the mailbox core, which knows nothing of them.
 */
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

    @ArchTest
    static final ArchRule theMailboxCoreKnowsNoProtocol = noClasses()
            .that()
            .resideInAPackage("dev.merpati.mailbox")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.merpati.mailbox.imap..", "dev.merpati.mailbox.pop3..");

    @ArchTest
    static final ArchRule theTranslatorsReachMailOnlyThroughTheStore = noClasses()
            .that()
            .resideInAnyPackage("dev.merpati.mailbox.imap..", "dev.merpati.mailbox.pop3..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "dev.merpati.store..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.merpati.mailbox.Mailbox")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.merpati.mailbox.MailboxMessage");

    @ArchTest
    static final ArchRule imapAndPop3StandAlone =
            slices().matching("dev.merpati.mailbox.(imap|pop3)..").should().notDependOnEachOther();
}
