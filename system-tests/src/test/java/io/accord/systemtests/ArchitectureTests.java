package io.accord.systemtests;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

/** System tests drive the platform from outside: the rules about test classes apply. */
@AnalyzeClasses(packages = "io.accord.systemtests")
class ArchitectureTests {

    @ArchTest
    static final ArchRule servicesAreIndependent = AccordArchitectureRules.SERVICES_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule noPrintStackTrace = AccordArchitectureRules.NO_PRINT_STACK_TRACE;

    @ArchTest
    static final ArchRule testClassesAreRunBySurefire = AccordArchitectureRules.TEST_CLASSES_ARE_RUN_BY_SUREFIRE;

    @ArchTest
    static final ArchRule testClassesAreNamedTests = AccordArchitectureRules.TEST_CLASSES_ARE_NAMED_TESTS;
}
