package io.accord.orchestration;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.orchestration.product.Suspension;
import io.accord.testsupport.architecture.AccordArchitectureRules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.accord.testsupport.architecture.AccordArchitectureRules.PRODUCTION_CODE;

/** Accord's shared rules (test-support), and the orchestration service's own. Main and test classes are imported. */
@AnalyzeClasses(packages = "io.accord.orchestration")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);

    /** Orders use inventory only through its entry point and the records it answers; the rest stays inside. */
    @ArchTest
    static final ArchRule inventoryShowsOnlyItsEntryPoint = classes()
            .that().resideInAPackage("io.accord.orchestration.inventory..").and(PRODUCTION_CODE).and().arePublic()
            .should(be(
                    simpleName("Inventory").or(simpleName("Reservation")).or(simpleName("Levels"))));

    /**
     * Orders drive product instances only through {@code Products} and the records it takes and answers; inventory
     * learns that one ended from {@code ProductEnded}.
     */
    @ArchTest
    static final ArchRule productShowsOnlyItsEntryPoint = classes()
            .that().resideInAPackage("io.accord.orchestration.product..").and(PRODUCTION_CODE).and().arePublic()
            .should(be(simpleName("Products").or(simpleName("NewProduct")).or(simpleName("RealisingResource"))
                    .or(simpleName("ProductView")).or(simpleName("ProductState")).or(simpleName("ProductEnded"))
                    .or(belongToAnyOf(Suspension.class))));
}
