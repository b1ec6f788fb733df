package io.accord.onboarding;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.accord.testsupport.architecture.AccordArchitectureRules.PRODUCTION_CODE;

/** Accord's shared rules (test-support), and what only onboarding needs. Main and test classes are imported. */
@AnalyzeClasses(packages = "io.accord.onboarding")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);

    /** The Keycloak admin client brings RESTEasy and Jackson 2; they stay in the feature that needs them. */
    @ArchTest
    static final ArchRule keycloakClientStaysInIdentity = noClasses()
            .that().resideInAPackage("io.accord.onboarding..").and().resideOutsideOfPackage("..identity..")
            .and(PRODUCTION_CODE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.keycloak..", "org.jboss.resteasy..", "jakarta.ws.rs..", "com.fasterxml.jackson.databind..");
}
