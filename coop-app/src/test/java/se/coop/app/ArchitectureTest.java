package se.coop.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import se.coop.api.event.AgreementEvent;

/** The layout docs/architecture.md describes, kept by the build. */
class ArchitectureTest {

    private static final JavaClasses COOP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.coop");

    @Test
    void theCommandAndQuerySidesNeverImportEachOther() {
        noClasses()
                .that()
                .resideInAPackage("se.coop.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("se.coop.query..")
                .check(COOP);
        noClasses()
                .that()
                .resideInAPackage("se.coop.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("se.coop.command..")
                .check(COOP);
    }

    @Test
    void theMessagesKnowNothingOfSpringJpaOrTheOtherModules() {
        noClasses()
                .that()
                .resideInAPackage("se.coop.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "se.coop.command..",
                        "se.coop.query..",
                        "se.coop.rules..",
                        "se.coop.app..")
                .check(COOP);
    }

    /** The rules both sides need are plain Java over coop-api: no framework, no other module of Coop. */
    @Test
    void theRulesArePlainJavaOverTheMessages() {
        classes()
                .that()
                .resideInAPackage("se.coop.rules..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("se.coop.rules..", "se.coop.api..", "java..")
                .check(COOP);
    }

    @Test
    void theAggregateAndItsRulesHaveNoSpringInThem() {
        noClasses()
                .that()
                .resideInAPackage("se.coop.command.agreement..")
                .and()
                .areNotAnnotatedWith(Configuration.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(COOP);
    }

    @Test
    void everyEventIsARecordWithARevision() {
        classes()
                .that()
                .implement(AgreementEvent.class)
                .should()
                .beRecords()
                .andShould()
                .beAnnotatedWith(Revision.class)
                .check(COOP);
    }

    @Test
    void everyCommandIsARecord() {
        classes()
                .that()
                .resideInAPackage("se.coop.api.command")
                .and()
                .areNotInterfaces()
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .beRecords()
                .check(COOP);
    }
}
