package io.accord.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.accord.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.accord.catalog.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    /** Offerings see partners only through the partner feature's public API, never its listener or tables. */
    @ArchTest
    static final ArchRule offeringsUsePartnersOnlyThroughTheirApi = noClasses()
            .that().resideInAPackage("io.accord.catalog.offering..")
            .should().dependOnClassesThat(resideInAPackage("io.accord.catalog.partner..")
                    .and(not(simpleName("KnownPartners").or(simpleName("KnownPartner")))));
}
