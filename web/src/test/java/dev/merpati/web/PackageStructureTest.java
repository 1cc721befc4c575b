package dev.merpati.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The webmail reaches mail only through the mailbox service: no entities, no repositories, no JPA. */
@AnalyzeClasses(packages = "dev.merpati.web", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noPersistence = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "dev.merpati.store..", "dev.merpati.queue..");

    @ArchTest
    static final ArchRule onlyTheServiceOfTheMailbox = noClasses()
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.merpati.mailbox.MailboxStore")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.merpati.mailbox.MailboxMessage")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.merpati.mailbox.Mailbox");
}
