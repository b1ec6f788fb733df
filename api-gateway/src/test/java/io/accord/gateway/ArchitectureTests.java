package io.accord.gateway;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.accord.testsupport.architecture.AccordArchitectureRules.TEST_CODE;

/**
 * Accord's shared rules (test-support), and the gateway's own: features (routing, security, cors, ratelimit)
 * stand alone; they share only problem responses and correlation ids. Main and test classes are imported.
 */
@AnalyzeClasses(packages = "io.accord.gateway")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);

    @ArchTest
    static final ArchRule featuresDependOnlyOnProblemsAndCorrelation = slices().matching("io.accord.gateway.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.accord.gateway.problem..",
                    "io.accord.gateway.correlation.."))
            .ignoreDependency(TEST_CODE, alwaysTrue());
}
