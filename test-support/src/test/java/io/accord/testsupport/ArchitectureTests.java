package io.accord.testsupport;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.accord.testsupport.architecture.AccordToolRules;

/**
 * Test support is test code even where it sits in {@code src/main}: the rules about test classes and the general
 * ones apply; the production rules (the Clock bean, no {@code java.util.Date} for JWT libraries) do not.
 */
@AnalyzeClasses(packages = "io.accord.testsupport")
class ArchitectureTests {

    @ArchTest
    static final ArchTests toolRules = ArchTests.in(AccordToolRules.class);
}
