package io.accord.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Features (routing, security, cors, ratelimit) stand alone; they share only problem responses and correlation ids. */
class ArchitectureTests {

    private final JavaClasses gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.accord.gateway");

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.accord.gateway.(*)..").should().beFreeOfCycles().check(gateway);
    }

    @Test
    void featuresDependOnlyOnProblemsAndCorrelation() {
        slices().matching("io.accord.gateway.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.accord.gateway.problem..",
                        "io.accord.gateway.correlation.."))
                .check(gateway);
    }
}
