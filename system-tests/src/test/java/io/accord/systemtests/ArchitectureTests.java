package io.accord.systemtests;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.accord.testsupport.architecture.AccordToolRules;

/** System tests drive the platform from outside: the rules for tools (structure and test classes) apply. */
@AnalyzeClasses(packages = "io.accord.systemtests")
class ArchitectureTests {

    @ArchTest
    static final ArchTests toolRules = ArchTests.in(AccordToolRules.class);
}
