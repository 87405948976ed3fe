package org.treatyregistry.api.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries, checked on the compiled classes of all three modules. */
class ModuleDependencyTest {

    private static JavaClasses registry;

    @BeforeAll
    static void importClasses() {
        registry = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.treatyregistry");
    }

    @Test
    void coreDependsOnNoSpringNoSqlAndNoOtherModule() {
        noClasses().that().resideInAPackage("org.treatyregistry.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.persistence..", "org.treatyregistry.projections..", "org.treatyregistry.api..")
                .check(registry);
    }

    @Test
    void projectionsKnowNothingOfTheWebOrTheApplication() {
        noClasses().that().resideInAPackage("org.treatyregistry.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.treatyregistry.api..", "org.springframework.web..",
                        "jakarta.servlet..")
                .check(registry);
    }

    @Test
    void projectionsSendNoCommands() {
        noClasses().that().resideInAPackage("org.treatyregistry.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..")
                .check(registry);
    }

    @Test
    void controllersReadThroughQueriesNotTheDatabase() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..")
                .check(registry);
    }

    @Test
    void controllersLiveInTheApiModule() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("org.treatyregistry.api..")
                .check(registry);
    }
}
