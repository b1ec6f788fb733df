package io.accord.catalog;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.testsupport.architecture.AccordArchitectureRules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.accord.testsupport.architecture.AccordArchitectureRules.PRODUCTION_CODE;

/** Accord's shared rules (test-support), and what only the catalog needs. Main and test classes are imported. */
@AnalyzeClasses(packages = "io.accord.catalog")
class ArchitectureTests {

    @ArchTest
    static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);

    /** Partners are known through the starter's partner view only: no copy of it in catalog. */
    @ArchTest
    static final ArchRule noPartnerReadModelOfItsOwn = noClasses()
            .that().resideInAPackage("io.accord.catalog..").and(PRODUCTION_CODE)
            .should().resideInAPackage("io.accord.catalog.partner..")
            .allowEmptyShould(true);

    /** The features built on categories and reference data use them only through their public entry points. */
    @ArchTest
    static final ArchRule featuresUseCategoriesOnlyThroughTheirApi = noClasses()
            .that().resideInAnyPackage("io.accord.catalog.offering..", "io.accord.catalog.price..",
                    "io.accord.catalog.specification..", "io.accord.catalog.importjob..")
            .and(PRODUCTION_CODE)
            .should().dependOnClassesThat(resideInAPackage("io.accord.catalog.category..")
                    .and(not(simpleName("Categories").or(simpleName("CategoryRef"))
                            .or(simpleName("CategoryUsage")))))
            .orShould().dependOnClassesThat(resideInAPackage("io.accord.catalog.reference..")
                    .and(not(simpleName("ReferenceData"))))
            .allowEmptyShould(true);
}
