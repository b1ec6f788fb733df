package io.accord.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Accord's architecture rules (CONVENTIONS.md), written once and applied by every module's
 * {@code ArchitectureTests}:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.accord.rating")
 * class ArchitectureTests {
 *     @ArchTest
 *     static final ArchTests accordRules = ArchTests.in(AccordArchitectureRules.class);
 * }
 * }</pre>
 *
 * <p>Import main and test classes together (no import option): the rules about production code select it
 * themselves ({@link #PRODUCTION_CODE}), and the rules about test classes need the test classes. Spring, JUnit and
 * jqwik types are named, not referenced, so a module whose test classpath lacks them (the gateway has no Kafka) can
 * apply every rule.
 */
public final class AccordArchitectureRules {

    /** Accord's services, by the package below {@code io.accord}; none may use another's classes. */
    public static final List<String> SERVICES =
            List.of("onboarding", "catalog", "orchestration", "rating", "settlement", "dispute", "gateway",
                    "portal");

    /** The class names Surefire runs by default: {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}. */
    public static final Pattern SUREFIRE_DEFAULT_INCLUDES = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

    /** Accord's own rule for test class names. */
    public static final Pattern ACCORD_TEST_CLASS_NAMES = Pattern.compile(".*Tests");

    /** Classes compiled from {@code src/main}. */
    public static final DescribedPredicate<JavaClass> PRODUCTION_CODE =
            DescribedPredicate.describe("production code", javaClass -> !isTestCode(javaClass));

    /** Classes compiled from {@code src/test}. */
    public static final DescribedPredicate<JavaClass> TEST_CODE =
            DescribedPredicate.describe("test code", AccordArchitectureRules::isTestCode);

    /** Classes that hold tests (their own or inherited) and would be run if selected: concrete, not anonymous. */
    public static final DescribedPredicate<JavaClass> CONTAIN_TESTS = DescribedPredicate.describe("contain tests",
            javaClass -> !javaClass.getModifiers().contains(JavaModifier.ABSTRACT) && !javaClass.isInterface()
                    && !javaClass.isAnonymousClass() && !javaClass.isLocalClass() && declaresTests(javaClass));

    private static final Set<String> TEST_ANNOTATIONS = Set.of(
            "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
            "net.jqwik.api.Property", "net.jqwik.api.Example", "org.junit.Test");
    private static final String ARCH_TEST = "com.tngtech.archunit.junit.ArchTest";
    private static final String ANALYZE_CLASSES = "com.tngtech.archunit.junit.AnalyzeClasses";
    private static final String TESTABLE = "org.junit.platform.commons.annotation.Testable";
    private static final Set<String> NESTED_ANNOTATIONS = Set.of("org.junit.jupiter.api.Nested", "net.jqwik.api.Group");
    private static final Set<String> ENTRY_POINT_ANNOTATIONS = Set.of(
            "org.springframework.web.bind.annotation.RestController", "org.springframework.stereotype.Controller");
    private static final Set<String> CALLBACK_ANNOTATIONS = Set.of(
            "org.springframework.scheduling.annotation.Scheduled",
            "org.springframework.kafka.annotation.KafkaListener",
            "org.springframework.context.event.EventListener",
            "org.springframework.transaction.event.TransactionalEventListener");
    private static final Set<String> INJECTION_ANNOTATIONS = Set.of(
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value", "jakarta.inject.Inject", "javax.inject.Inject",
            "jakarta.annotation.Resource", "javax.annotation.Resource");
    private static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final Set<String> SYSTEM_TIME_TYPES = Set.of("java.time.Clock", "java.time.Instant",
            "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.ZonedDateTime", "java.time.Year", "java.time.YearMonth",
            "java.time.MonthDay");
    private static final ImportOption TEST_LOCATIONS = new ImportOption.OnlyIncludeTests();

    private AccordArchitectureRules() {
    }

    /** The feature packages of a module ({@code io.accord.<module>.<feature>..}) depend on each other without cycles. */
    @ArchTest
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices().matching("io.accord.*.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(TEST_CODE, alwaysTrue())
            .as("feature packages are free of cycles")
            .allowEmptyShould(true);

    /** A service never uses another service's classes; they share only shared-contracts and the platform. */
    @ArchTest
    public static final ArchRule SERVICES_ARE_INDEPENDENT = classes().that().resideInAPackage("io.accord..")
            .should(useNoOtherService())
            .as("a service uses no other service's classes")
            .allowEmptyShould(true);

    /** Constructor injection into final fields (CONVENTIONS.md): no injected fields. */
    @ArchTest
    public static final ArchRule NO_FIELD_INJECTION = noFields().that().areDeclaredInClassesThat(PRODUCTION_CODE)
            .should(beAnnotatedWithAnyOf(INJECTION_ANNOTATIONS))
            .as("no field injection (constructor injection into final fields instead)")
            .allowEmptyShould(true);

    /** Controllers, scheduled jobs and listeners are package-private: features expose entry points, not endpoints. */
    @ArchTest
    public static final ArchRule CONTROLLERS_JOBS_AND_LISTENERS_ARE_PACKAGE_PRIVATE = classes()
            .that(PRODUCTION_CODE.and(entryPointsOrCallbacks()))
            .should().notBePublic()
            .as("controllers, scheduled jobs and listeners are package-private")
            .allowEmptyShould(true);

    /**
     * Time comes from the service's {@code Clock} bean (the starter's: microseconds, UTC, replaceable in tests),
     * injected by constructor. Only a {@code @Bean} method that defines a {@code Clock} reads the system clock.
     */
    @ArchTest
    public static final ArchRule TIME_COMES_FROM_THE_CLOCK_BEAN = noClasses().that(PRODUCTION_CODE)
            .should(callMethodWhere(readsTheSystemClock()))
            .as("time comes from the injected Clock bean, not from Clock.systemUTC() or Instant.now()")
            .allowEmptyShould(true);

    /** {@code java.time} only; {@code java.util.Date} neither in the model nor at the edges. */
    @ArchTest
    public static final ArchRule NO_JAVA_UTIL_DATE = noClasses().that(PRODUCTION_CODE)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
            .as("no java.util.Date (java.time instead)")
            .allowEmptyShould(true);

    /** Failures are logged with the correlation id, never printed. */
    @ArchTest
    public static final ArchRule NO_PRINT_STACK_TRACE = noClasses()
            .should(callMethod(Throwable.class, "printStackTrace"))
            .as("no printStackTrace (log the failure instead)")
            .allowEmptyShould(true);

    /** Logs go through SLF4J, structured and with the correlation id; not to standard out or error. */
    @ArchTest
    public static final ArchRule NO_STANDARD_STREAMS = noClasses().that(PRODUCTION_CODE)
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .as("no System.out or System.err (log instead)")
            .allowEmptyShould(true);

    /**
     * Every class with tests is run by Surefire's default includes. A class Surefire does not pick up is never run,
     * and a test that never runs cannot fail: the build fails instead.
     */
    @ArchTest
    public static final ArchRule TEST_CLASSES_ARE_RUN_BY_SUREFIRE = testClassesNamed(SUREFIRE_DEFAULT_INCLUDES,
            "are run by Surefire (named Test*, *Test, *Tests or *TestCase; nested ones @Nested)");

    /** Accord names its test classes {@code <Subject>Tests} (CONVENTIONS.md). */
    @ArchTest
    public static final ArchRule TEST_CLASSES_ARE_NAMED_TESTS = testClassesNamed(ACCORD_TEST_CLASS_NAMES,
            "are named <Subject>Tests");

    private static ArchRule testClassesNamed(Pattern names, String description) {
        return classes().that(CONTAIN_TESTS).should(beRunnableUnder(names))
                .as("classes with tests " + description)
                .allowEmptyShould(true);
    }

    /**
     * JUnit or jqwik test methods, or ArchUnit rules in a class that {@code @AnalyzeClasses} (a class of
     * {@code @ArchTest} fields without it is a rule library, included by others through {@code ArchTests.in}).
     */
    private static boolean declaresTests(JavaClass javaClass) {
        boolean analyzes = javaClass.isAnnotatedWith(ANALYZE_CLASSES);
        return javaClass.getAllMethods().stream().anyMatch(method -> isTest(method, analyzes))
                || javaClass.getAllFields().stream().anyMatch(field -> isTest(field, analyzes));
    }

    private static boolean isTest(CanBeAnnotated member, boolean analyzes) {
        if (member.isAnnotatedWith(ARCH_TEST)) {
            return analyzes;
        }
        return TEST_ANNOTATIONS.stream().anyMatch(member::isAnnotatedWith) || member.isMetaAnnotatedWith(TESTABLE);
    }

    private static ArchCondition<JavaClass> beRunnableUnder(Pattern names) {
        return new ArchCondition<>("be named " + names.pattern()) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                JavaClass outermost = javaClass;
                while (outermost.getEnclosingClass().isPresent()) {
                    JavaClass enclosing = outermost.getEnclosingClass().get();
                    if (!outermost.isInnerClass() || NESTED_ANNOTATIONS.stream().noneMatch(outermost::isAnnotatedWith)) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " holds tests in a nested class that is not an inner @Nested class: never run"));
                        return;
                    }
                    outermost = enclosing;
                }
                boolean matches = names.matcher(outermost.getSimpleName()).matches();
                events.add(new SimpleConditionEvent(javaClass, matches, javaClass.getName() + " holds tests but "
                        + outermost.getSimpleName() + (matches ? " matches " : " does not match ") + names.pattern()));
            }
        };
    }

    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock outside a Clock @Bean method", call -> {
            MethodCallTarget target = call.getTarget();
            boolean systemTime = SYSTEM_TIME_TYPES.contains(target.getOwner().getName())
                    && (target.getName().equals("now") || target.getName().startsWith("system"))
                    && target.getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
            JavaCodeUnit origin = call.getOrigin();
            boolean clockBean = origin.isAnnotatedWith(BEAN) && origin.getRawReturnType().isEquivalentTo(Clock.class);
            return systemTime && !clockBean;
        });
    }

    private static DescribedPredicate<JavaClass> entryPointsOrCallbacks() {
        return DescribedPredicate.describe("controllers, scheduled jobs or listeners", javaClass ->
                ENTRY_POINT_ANNOTATIONS.stream().anyMatch(javaClass::isAnnotatedWith)
                        || javaClass.getMethods().stream()
                        .anyMatch(method -> CALLBACK_ANNOTATIONS.stream().anyMatch(method::isAnnotatedWith)));
    }

    private static ArchCondition<CanBeAnnotated> beAnnotatedWithAnyOf(Set<String> annotations) {
        return new ArchCondition<>("be annotated with any of " + annotations) {
            @Override
            public void check(CanBeAnnotated member, ConditionEvents events) {
                for (String annotation : annotations) {
                    if (member.isAnnotatedWith(annotation)) {
                        events.add(SimpleConditionEvent.satisfied(member, member + " is annotated with @"
                                + annotation.substring(annotation.lastIndexOf('.') + 1)));
                        return;
                    }
                }
                events.add(SimpleConditionEvent.violated(member, member + " is not injected"));
            }
        };
    }

    private static ArchCondition<JavaClass> useNoOtherService() {
        return new ArchCondition<>("use no other service's classes") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> own = service(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    Optional<String> target = service(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> service(JavaClass javaClass) {
        String[] parts = javaClass.getPackageName().split("\\.");
        return parts.length > 2 && parts[0].equals("io") && parts[1].equals("accord") && SERVICES.contains(parts[2])
                ? Optional.of(parts[2]) : Optional.empty();
    }

    private static boolean isTestCode(JavaClass javaClass) {
        return javaClass.getSource().map(source -> TEST_LOCATIONS.includes(Location.of(source.getUri())))
                .orElse(false);
    }
}
