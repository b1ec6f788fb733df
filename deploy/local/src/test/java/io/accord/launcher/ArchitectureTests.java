package io.accord.launcher;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.accord.testsupport.architecture.AccordToolRules;

/**
 * The launcher is a command-line tool, not a service: it prints to the console and reads the wall clock. The rules
 * about structure and tests apply.
 */
@AnalyzeClasses(packages = "io.accord.launcher")
class ArchitectureTests {

    @ArchTest
    static final ArchTests toolRules = ArchTests.in(AccordToolRules.class);
}
