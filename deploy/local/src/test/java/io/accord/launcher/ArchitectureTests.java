package io.accord.launcher;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

/**
 * The launcher is a command-line tool, not a service: it prints to the console and reads the wall clock. The rules
 * about structure and tests apply.
 */
@AnalyzeClasses(packages = "io.accord.launcher")
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
