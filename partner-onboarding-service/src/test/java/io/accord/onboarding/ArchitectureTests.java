package io.accord.onboarding;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages stay free of cycles and controllers stay package-private (CONVENTIONS.md). */
@AnalyzeClasses(packages = "io.accord.onboarding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.accord.onboarding.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule noOtherServiceIsUsed = classes().that().resideInAPackage("io.accord.onboarding..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                    "io.accord.catalog..", "io.accord.orchestration..", "io.accord.rating..",
                    "io.accord.settlement..", "io.accord.dispute..");

    /** The Keycloak admin client brings RESTEasy and Jackson 2; they stay in the feature that needs them. */
    @ArchTest
    static final ArchRule keycloakClientStaysInIdentity = noClasses()
            .that().resideInAPackage("io.accord.onboarding..").and().resideOutsideOfPackage("..identity..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.keycloak..", "org.jboss.resteasy..", "jakarta.ws.rs..", "com.fasterxml.jackson.databind..");
}
