package dev.merpati.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The connector's packages: no cycles, and each protocol on its own. */
@AnalyzeClasses(packages = "dev.merpati.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.merpati.connector.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule smtpStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.merpati.connector.smtp..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.merpati.connector.pop3..", "dev.merpati.connector.imap..");

    @ArchTest
    static final ArchRule pop3StandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.merpati.connector.pop3..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.merpati.connector.smtp..", "dev.merpati.connector.imap..");

    @ArchTest
    static final ArchRule imapStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.merpati.connector.imap..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.merpati.connector.smtp..", "dev.merpati.connector.pop3..");

    @ArchTest
    static final ArchRule imapGrammarKnowsNoCommandsOrSessions = noClasses()
            .that()
            .resideInAPackage("dev.merpati.connector.imap.codec..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.merpati.connector.imap.command..", "dev.merpati.connector.imap.session..");
}
