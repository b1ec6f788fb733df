package io.accord.testsupport;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

/**
 * Test support is test code even where it sits in {@code src/main}: the rules about test classes and the general
 * ones apply; the production rules (the Clock bean, no {@code java.util.Date} for JWT libraries) do not.
 */
@AnalyzeClasses(packages = "io.accord.testsupport")
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = AccordArchitectureRules.FEATURES_ARE_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule servicesAreIndependent = AccordArchitectureRules.SERVICES_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule noPrintStackTrace = AccordArchitectureRules.NO_PRINT_STACK_TRACE;

    @ArchTest
    static final ArchRule testClassesAreRunBySurefire = AccordArchitectureRules.TEST_CLASSES_ARE_RUN_BY_SUREFIRE;

    @ArchTest
    static final ArchRule testClassesAreNamedTests = AccordArchitectureRules.TEST_CLASSES_ARE_NAMED_TESTS;
}
