package io.accord.portal;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.accord.testsupport.architecture.AccordArchitectureRules.PRODUCTION_CODE;

/**
 * Accord's shared rules (test-support), and the portal's own: pages reach data only through the gateway client, never
 * a service directly or with a token of their own.
 */
@AnalyzeClasses(packages = "io.accord.portal")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);

    @ArchTest
    static final ArchRule pagesCallNoHttpClientThemselves = noClasses().that(PRODUCTION_CODE)
            .and().resideOutsideOfPackage("io.accord.portal.gateway..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient");
}
