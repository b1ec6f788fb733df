package io.accord.platform;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.accord.testsupport.architecture.AccordArchitectureRules;

/** Accord's shared rules (test-support) over the starter's main and test classes. */
@AnalyzeClasses(packages = "io.accord.platform")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);
}
