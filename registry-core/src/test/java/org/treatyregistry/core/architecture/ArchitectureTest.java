package org.treatyregistry.core.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of registry-core. Each rule is built for a root package, checked on the production classes of
 * {@code org.treatyregistry.core}, and evaluated on deliberate violations under {@code ...architecture.samples} to
 * prove that it can fail. No rule allows an empty "should".
 */
class ArchitectureTest {

    private static final String CORE = "org.treatyregistry.core";
    private static final String SAMPLES = "org.treatyregistry.core.architecture.samples";
    private static final String[] FEATURES = {"catalogue", "ratification", "competence", "reporting", "upr", "shared"};

    private static JavaClasses core;
    private static JavaClasses samples;

    @BeforeAll
    static void importClasses() {
        core = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(CORE);
        samples = new ClassFileImporter().importPackages(SAMPLES);
    }

    // --- the rules

    static ArchRule dependsOnNoFrameworkOrOtherModule(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.axonframework.spring..", "org.axonframework.springboot..",
                        "java.sql..", "javax.sql..", "jakarta.persistence..", "javax.persistence..",
                        "org.treatyregistry.projections..", "org.treatyregistry.api..")
                .because("registry-core is plain Java + Axon: storage, Spring and the other modules depend on it, not the reverse");
    }

    static ArchRule eventsAreRevisedRecords(String root) {
        return classes().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("Event")
                .should().beRecords()
                .andShould().beAnnotatedWith(Revision.class)
                .because("events are stored as JSON for ever: immutable, and versioned for upcasters");
    }

    static ArchRule commandsAreRecords(String root) {
        return classes().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("Command").and().areNotInterfaces()
                .should().beRecords()
                .because("commands are immutable messages");
    }

    static ArchRule commandHandlersTakeCommandRecords(String root) {
        return methods().that().areAnnotatedWith(CommandHandler.class).and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(takeAsFirstParameterARecordNamed("Command"));
    }

    static ArchRule eventSourcingHandlersTakeEventRecords(String root) {
        return methods().that().areAnnotatedWith(EventSourcingHandler.class).and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(takeAsFirstParameterARecordNamed("Event"));
    }

    static ArchRule readsNoClock(String root) {
        DescribedPredicate<JavaClass> temporal = belongToAnyOf(LocalDate.class, LocalDateTime.class, LocalTime.class, Instant.class,
                ZonedDateTime.class, OffsetDateTime.class);
        return noClasses().that().resideInAPackage(root + "..")
                .should().callMethodWhere(target(name("now")).and(target(owner(temporal))))
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the law is deterministic: the day to judge against (asOf, horizon) is always passed in");
    }

    static ArchRule featuresDependOnlyAsAllowed(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("catalogue").definedBy(root + ".catalogue..")
                .layer("ratification").definedBy(root + ".ratification..")
                .layer("competence").definedBy(root + ".competence..")
                .layer("reporting").definedBy(root + ".reporting..")
                .layer("upr").definedBy(root + ".upr..")
                .layer("shared").definedBy(root + ".shared..")
                .whereLayer("ratification").mayOnlyBeAccessedByLayers("reporting")
                .whereLayer("competence").mayNotBeAccessedByAnyLayer()
                .whereLayer("reporting").mayNotBeAccessedByAnyLayer()
                .whereLayer("upr").mayNotBeAccessedByAnyLayer()
                .because("features are independent; reporting follows ratification; all may use shared and the catalogue");
    }

    static ArchRule everyClassBelongsToAFeature(String root) {
        String[] packages = java.util.Arrays.stream(FEATURES).map(f -> root + "." + f + "..").toArray(String[]::new);
        return classes().that().resideInAPackage(root + "..").and().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(packages);
    }

    private static ArchCondition<JavaMethod> takeAsFirstParameterARecordNamed(String suffix) {
        return new ArchCondition<>("take as first parameter a record named *" + suffix) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> parameters = method.getRawParameterTypes();
                boolean satisfied = !parameters.isEmpty() && parameters.get(0).getSimpleName().endsWith(suffix)
                        && parameters.get(0).isRecord();
                String what = parameters.isEmpty() ? "nothing" : parameters.get(0).getName();
                events.add(new SimpleConditionEvent(method, satisfied, method.getFullName() + " takes " + what));
            }
        };
    }

    private static List<ArchRule> rules(String root) {
        return List.of(dependsOnNoFrameworkOrOtherModule(root), eventsAreRevisedRecords(root), commandsAreRecords(root),
                commandHandlersTakeCommandRecords(root), eventSourcingHandlersTakeEventRecords(root), readsNoClock(root),
                featuresDependOnlyAsAllowed(root), everyClassBelongsToAFeature(root));
    }

    // --- the rules hold for registry-core

    @Test
    void theProductionClassesWereImported() {
        assertThat(core.stream().map(JavaClass::getName))
                .contains(CORE + ".reporting.ReportingSchedule", CORE + ".ratification.Participation")
                .noneMatch(n -> n.contains(".architecture.") || n.endsWith("Test"));
    }

    @Test
    void coreDependsOnNoFrameworkStorageOrOtherModule() {
        dependsOnNoFrameworkOrOtherModule(CORE).check(core);
    }

    @Test
    void eventsAreRecordsAnnotatedWithRevision() {
        eventsAreRevisedRecords(CORE).check(core);
    }

    @Test
    void commandsAreRecords() {
        commandsAreRecords(CORE).check(core);
    }

    @Test
    void commandHandlersTakeCommandRecords() {
        commandHandlersTakeCommandRecords(CORE).check(core);
    }

    @Test
    void eventSourcingHandlersTakeEventRecords() {
        eventSourcingHandlersTakeEventRecords(CORE).check(core);
    }

    @Test
    void noClassReadsTheSystemClock() {
        readsNoClock(CORE).check(core);
    }

    @Test
    void featurePackagesDependOnEachOtherOnlyAsAllowed() {
        featuresDependOnlyAsAllowed(CORE).check(core);
    }

    @Test
    void everyClassBelongsToAFeaturePackage() {
        everyClassBelongsToAFeature(CORE).check(core);
    }

    // --- and each of them can fail

    private static EvaluationResult onSamples(ArchRule rule) {
        EvaluationResult result = rule.evaluate(samples);
        assertThat(result.hasViolation()).as("%s must catch the deliberate violation", rule.getDescription()).isTrue();
        return result;
    }

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void theDependencyRuleCatchesJdbc() {
        assertThat(report(onSamples(dependsOnNoFrameworkOrOtherModule(SAMPLES)))).contains("UsesJdbcSample").contains("java.sql.Connection");
    }

    @Test
    void theEventRuleCatchesAClassAndAnUnrevisedRecord() {
        assertThat(report(onSamples(eventsAreRevisedRecords(SAMPLES)))).contains("LooseSampleEvent").contains("UnrevisedSampleEvent");
    }

    @Test
    void theCommandRuleCatchesAClass() {
        assertThat(report(onSamples(commandsAreRecords(SAMPLES)))).contains("LooseSampleCommand");
    }

    @Test
    void theHandlerRulesCatchHandlersOfOtherMessages() {
        assertThat(report(onSamples(commandHandlersTakeCommandRecords(SAMPLES))))
                .contains("handle(java.lang.String) takes java.lang.String")
                .contains("LooseSampleCommand");
        assertThat(report(onSamples(eventSourcingHandlersTakeEventRecords(SAMPLES))))
                .contains("on(java.lang.Object) takes java.lang.Object")
                .doesNotContain("UnrevisedSampleEvent)");
    }

    @Test
    void theClockRuleCatchesEveryWayOfReadingTheClock() {
        assertThat(report(onSamples(readsNoClock(SAMPLES))))
                .contains("LocalDate.now()")
                .contains("LocalDate.now(java.time.ZoneId)")
                .contains("Instant.now()")
                .contains("LocalDateTime.now()")
                .contains("Clock.systemDefaultZone()");
    }

    @Test
    void theFeatureRuleCatchesForbiddenDependenciesButNotTheAllowedOnes() {
        String report = report(onSamples(featuresDependOnlyAsAllowed(SAMPLES)));

        assertThat(report).contains("UprSample").contains("RatificationSample").contains("CompetenceSample");
        assertThat(report).doesNotContain("ReportingSample.ratification()");
    }

    @Test
    void theFeaturePackageRuleCatchesAStrayClass() {
        assertThat(report(onSamples(everyClassBelongsToAFeature(SAMPLES)))).contains("StraySample");
    }

    @Test
    void everyRuleCatchesSomethingInTheSamplesAndNothingInTheCore() {
        for (ArchRule rule : rules(CORE)) {
            assertThat(rule.evaluate(core).hasViolation()).as(rule.getDescription()).isFalse();
        }
        for (ArchRule rule : rules(SAMPLES)) {
            assertThat(rule.evaluate(samples).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }
}
