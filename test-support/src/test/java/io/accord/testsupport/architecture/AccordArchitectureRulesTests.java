package io.accord.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules catch what they promise to catch, on sample classes made to break them. */
class AccordArchitectureRulesTests {

    private final JavaClasses samples = new ClassFileImporter().importPackages("sample.surefire");

    @Test
    void aClassWithTestsThatSurefireDoesNotPickUpFailsTheBuild() {
        EvaluationResult result = AccordArchitectureRules.TEST_CLASSES_ARE_RUN_BY_SUREFIRE.evaluate(samples);

        assertThat(result.hasViolation()).isTrue();
        // WellNamedTests with its @Nested class, and LegacyTest, are run: not reported
        assertThat(violated(result)).containsExactlyInAnyOrder("sample.surefire.MisnamedProperties",
                "sample.surefire.ConcreteInheritedChecks", "sample.surefire.WellNamedTests$ForgottenStatic");
    }

    @Test
    void accordTestClassesAreNamedTests() {
        EvaluationResult result = AccordArchitectureRules.TEST_CLASSES_ARE_NAMED_TESTS.evaluate(samples);

        assertThat(violated(result)).containsExactlyInAnyOrder("sample.surefire.MisnamedProperties",
                "sample.surefire.ConcreteInheritedChecks", "sample.surefire.WellNamedTests$ForgottenStatic",
                "sample.surefire.LegacyTest");
    }

    @Test
    void aServiceUsingAnotherServicesClassIsRefused() {
        JavaClasses services = new ClassFileImporter().importPackages("io.accord.rating.sample",
                "io.accord.catalog.sample");

        EvaluationResult result = AccordArchitectureRules.SERVICES_ARE_INDEPENDENT.evaluate(services);

        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(detail -> detail.contains("RatingThing") && detail.contains("CatalogThing"));
    }

    private static List<String> violated(EvaluationResult result) {
        return result.getFailureReport().getDetails().stream()
                .map(detail -> detail.substring(0, detail.indexOf(' ')))
                .toList();
    }
}
