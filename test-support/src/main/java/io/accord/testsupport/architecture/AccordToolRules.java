package io.accord.testsupport.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The subset of {@link AccordArchitectureRules} for modules that are tools rather than services (the launcher,
 * test-support, system-tests): they may print to the console and read the wall clock, but their structure and
 * their tests follow the same rules. Applied with {@code ArchTests.in(AccordToolRules.class)}.
 */
public final class AccordToolRules {

    @ArchTest
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = AccordArchitectureRules.FEATURES_ARE_FREE_OF_CYCLES;

    @ArchTest
    public static final ArchRule SERVICES_ARE_INDEPENDENT = AccordArchitectureRules.SERVICES_ARE_INDEPENDENT;

    @ArchTest
    public static final ArchRule NO_PRINT_STACK_TRACE = AccordArchitectureRules.NO_PRINT_STACK_TRACE;

    @ArchTest
    public static final ArchRule TEST_CLASSES_ARE_RUN_BY_SUREFIRE =
            AccordArchitectureRules.TEST_CLASSES_ARE_RUN_BY_SUREFIRE;

    @ArchTest
    public static final ArchRule TEST_CLASSES_ARE_NAMED_TESTS = AccordArchitectureRules.TEST_CLASSES_ARE_NAMED_TESTS;

    private AccordToolRules() {
    }
}
