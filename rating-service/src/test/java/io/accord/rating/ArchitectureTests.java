package io.accord.rating;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Accord's shared rules (test-support) over the rating service's main and test classes, and the engine's own. */
@AnalyzeClasses(packages = "io.accord.rating")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);

    /** The engine is plain Java (issue 10): the JDK and the published language, no Spring, JPA, Kafka or Jackson. */
    @ArchTest
    static final ArchRule engineIsPlainJava = classes()
            .that().resideInAPackage("io.accord.rating.engine..").and(AccordArchitectureRules.PRODUCTION_CODE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.accord.rating.engine..",
                    "io.accord.contracts..")
            .as("the rating engine depends on the JDK and shared-contracts only");
}
