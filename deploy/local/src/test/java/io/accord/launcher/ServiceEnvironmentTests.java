package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.accord.infra.DatabaseRoles;

class ServiceEnvironmentTests {

    private final PlatformConfig config = PlatformConfig.defaults(Path.of("/work/accord"));
    private final Databases databases = Databases.external(
            new PlatformConfig.ExternalDatabase("jdbc:postgresql://db.local:5432/postgres?sslmode=disable", "accord", "s3cret"));

    @Test
    void givesAServiceItsPortDatabaseKafkaAndIssuer() {
        ServiceSpec rating = ServiceSpec.SERVICES.get(3);

        Map<String, String> environment = ServiceProcesses.environment(rating, config, databases, "127.0.0.1:19092");

        assertThat(environment).containsEntry("SERVER_PORT", "8084")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db.local:5432/rating?sslmode=disable")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "accord")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "s3cret")
                .doesNotContainKey("SPRING_FLYWAY_USER")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("ACCORD_ISSUER_URI", "http://localhost:8180/realms/accord")
                .doesNotContainKey("ACCORD_KEYCLOAK_URL")
                .doesNotContainKey("ACCORD_ONBOARDING_CLIENT_SECRET")
                .doesNotContainKey("ACCORD_ONBOARDING_DEMOSEED_ENABLED")
                // the launcher's Keycloak is always the development realm: its API docs list the demo users
                .containsEntry("ACCORD_PLATFORM_APIDOCS_DEVELOPMENTREALM", "true");
    }

    @Test
    void runsAServiceAsItsRuntimeRoleAndMigratesAsItsOwnerOnceTheRolesExist() {
        DatabaseRoles catalogRoles = DatabaseRoles.of("catalog", "s3cret");
        Databases withRoles = new Databases() {
            public void create(String name) {
            }

            public String jdbcUrl(String name) {
                return databases.jdbcUrl(name);
            }

            public String user() {
                return "accord";
            }

            public String password() {
                return "s3cret";
            }

            public void prepareRoles(String name) {
            }

            public Optional<DatabaseRoles> roles(String name) {
                return Optional.of(DatabaseRoles.of(name, "s3cret"));
            }
        };

        Map<String, String> environment = ServiceProcesses.environment(ServiceSpec.SERVICES.get(1), config, withRoles,
                "127.0.0.1:19092");

        assertThat(environment).containsEntry("SPRING_DATASOURCE_USERNAME", "catalog_app")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", catalogRoles.runtimePassword())
                .containsEntry("SPRING_FLYWAY_USER", "catalog_owner")
                .containsEntry("SPRING_FLYWAY_PASSWORD", catalogRoles.ownerPassword());
        assertThat(environment.values()).doesNotContain("s3cret");
    }

    @Test
    void pointsPartnerOnboardingAtKeycloakWithThePortOffset() {
        ServiceSpec onboarding = ServiceSpec.SERVICES.getFirst();

        Map<String, String> environment = ServiceProcesses.environment(onboarding, config.withPortOffset(1000),
                databases, "127.0.0.1:20092");

        assertThat(environment).containsEntry("ACCORD_KEYCLOAK_URL", "http://localhost:9180")
                .containsEntry("ACCORD_ISSUER_URI", "http://localhost:9180/realms/accord")
                .containsEntry("SERVER_PORT", "9081")
                .containsEntry("ACCORD_ONBOARDING_DEMOSEED_ENABLED", "true")
                // the first-login e-mail's link ends in the portal (its port moves with the offset too)
                .containsEntry("ACCORD_ONBOARDING_IDENTITY_INVITATION_CLIENTID", "self-care-portal")
                .containsEntry("ACCORD_ONBOARDING_IDENTITY_INVITATION_REDIRECTURI", "http://localhost:9090/");
    }

    @Test
    void pointsSettlementAtRatingAndOrchestrationsCallbacksAtTheGatewayWithThePortOffset() {
        PlatformConfig shifted = config.withPortOffset(1000);

        assertThat(ServiceProcesses.environment(ServiceSpec.SERVICES.get(4), shifted, databases, "127.0.0.1:20092"))
                .containsEntry("ACCORD_SETTLEMENT_RATINGURL", "http://localhost:9084");
        assertThat(ServiceProcesses.environment(ServiceSpec.SERVICES.get(2), shifted, databases, "127.0.0.1:20092"))
                .containsEntry("ACCORD_PUBLIC_API_URL", "http://localhost:9080");
        assertThat(ServiceProcesses.environment(ServiceSpec.SERVICES.get(3), shifted, databases, "127.0.0.1:20092"))
                .doesNotContainKeys("ACCORD_SETTLEMENT_RATINGURL", "ACCORD_PUBLIC_API_URL");
    }

    @Test
    void givesPartnerOnboardingTheKeycloakClientSecretTheRealmWasImportedWith() {
        Map<String, String> environment = ServiceProcesses.environment(ServiceSpec.SERVICES.getFirst(), config,
                databases, "127.0.0.1:19092");

        // the service has no fallback of its own: the launcher passes the realm's (dev) secret
        assertThat(environment).containsEntry("ACCORD_ONBOARDING_CLIENT_SECRET",
                System.getenv().getOrDefault("ACCORD_ONBOARDING_CLIENT_SECRET", "accord-onboarding-dev-secret"));
    }

    @Test
    void givesOrchestrationTheKeyOfItsPartnersWebhookSecrets() {
        ServiceSpec orchestration = ServiceSpec.SERVICES.stream()
                .filter(service -> service.key().equals("orchestration")).findFirst().orElseThrow();

        Map<String, String> environment = ServiceProcesses.environment(orchestration, config, databases,
                "127.0.0.1:19092");

        // the service has no fallback of its own: the launcher passes the development-only key
        assertThat(environment).containsEntry("ACCORD_ACTIVATION_SECRET_KEY",
                System.getenv().getOrDefault("ACCORD_ACTIVATION_SECRET_KEY", ServiceProcesses.DEV_ACTIVATION_SECRET_KEY));
        assertThat(ServiceProcesses.environment(ServiceSpec.SERVICES.getFirst(), config, databases, "127.0.0.1:19092"))
                .doesNotContainKey("ACCORD_ACTIVATION_SECRET_KEY");
    }

    @Test
    void pointsTheGatewayAtEveryServiceWithThePortOffset() {
        Map<String, String> environment = ServiceProcesses.environment(ServiceSpec.GATEWAY,
                config.withPortOffset(1000), databases, "127.0.0.1:20092");

        assertThat(environment).containsEntry("SERVER_PORT", "9080")
                .containsEntry("ACCORD_GATEWAY_BACKENDS_ONBOARDING", "http://localhost:9081")
                .containsEntry("ACCORD_GATEWAY_BACKENDS_DISPUTE", "http://localhost:9086")
                .containsEntry("ACCORD_ISSUER_URI", "http://localhost:9180/realms/accord")
                .doesNotContainKey("SPRING_DATASOURCE_URL");
    }

    @Test
    void pointsThePortalAtTheGatewayAndTheIssuerWithThePortOffset() {
        Map<String, String> environment = ServiceProcesses.environment(ServiceSpec.PORTAL,
                config.withPortOffset(1000), databases, "127.0.0.1:20092");

        assertThat(environment).containsEntry("SERVER_PORT", "9090")
                .containsEntry("ACCORD_GATEWAY_URL", "http://localhost:9080")
                .containsEntry("ACCORD_PORTAL_PUBLIC_URL", "http://localhost:9090")
                .containsEntry("ACCORD_ISSUER_URI", "http://localhost:9180/realms/accord")
                .doesNotContainKey("ACCORD_GATEWAY_BACKENDS_ONBOARDING")
                .doesNotContainKey("SPRING_DATASOURCE_URL");
        assertThat(Preflight.services()).contains(ServiceSpec.PORTAL);
        assertThat(Preflight.ports(config)).containsEntry("self-care-portal", 8090);
    }

    @Test
    void runsTheServiceJarWithTheSmallJvmOptions() {
        assertThat(ServiceProcesses.command(ServiceSpec.GATEWAY, config))
                .contains("-Xmx192m", "-XX:+UseSerialGC", "-jar")
                .last().isEqualTo("/work/accord/api-gateway/target/api-gateway-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void switchesSpringAotOnOnlyForAJarThatHoldsTheGeneratedInitializerOfItsApplication(@TempDir Path root)
            throws IOException {
        PlatformConfig local = PlatformConfig.fromEnvironment(root,
                Map.of("ACCORD_SERVICE_JVM_ARGS", "-Dspring.aot.enabled=false"));
        ServiceSpec dispute = service("dispute");
        assertThat(ServiceProcesses.jvmOptions(dispute, local)).doesNotContain("-Dspring.aot.enabled=true");

        bootJar(dispute.jar(root), "io.accord.dispute.DisputeApplication",
                "BOOT-INF/classes/io/accord/dispute/DisputeApplication.class");
        assertThat(ServiceProcesses.hasSpringAot(dispute.jar(root))).isFalse();
        assertThat(ServiceProcesses.command(dispute, local)).doesNotContain("-Dspring.aot.enabled=true");

        bootJar(dispute.jar(root), "io.accord.dispute.DisputeApplication",
                "BOOT-INF/classes/io/accord/dispute/DisputeApplication.class",
                "BOOT-INF/classes/io/accord/dispute/DisputeApplication__ApplicationContextInitializer.class");
        assertThat(ServiceProcesses.hasSpringAot(dispute.jar(root))).isTrue();
        // before the configured options, so that the environment's flag can still switch it off
        assertThat(ServiceProcesses.command(dispute, local)).containsSubsequence("-Dspring.aot.enabled=true",
                "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=false", "-jar");
        assertThat(ServiceProcesses.jvmOptions(dispute, local)).first().isEqualTo("-Dspring.aot.enabled=true");
    }

    private static void bootJar(Path jar, String application, String... entries) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", application);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jarOut.putNextEntry(new JarEntry(entry));
                jarOut.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                jarOut.closeEntry();
            }
        }
    }

    @Test
    void givesRatingTheHeapItsReadModelNeedsUnlessTheEnvironmentSaysOtherwise() {
        ServiceSpec rating = service("rating");
        ServiceSpec catalog = service("catalog");

        assertThat(ServiceProcesses.command(rating, config)).contains("-Xmx512m", "-XX:+UseSerialGC")
                .doesNotContain(PlatformConfig.DEFAULT_MAX_HEAP);
        assertThat(ServiceProcesses.command(catalog, config)).contains(PlatformConfig.DEFAULT_MAX_HEAP)
                .doesNotContain("-Xmx512m");
        PlatformConfig smaller = PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_SERVICE_JVM_ARGS", "-Xmx256m"));
        assertThat(ServiceProcesses.command(rating, smaller)).containsSubsequence("-Xmx512m", "-Xmx256m", "-jar");
    }

    @Test
    void runsOrchestrationAndTheGatewayWithTheFullJitUnlessTheEnvironmentSaysOtherwise() {
        ServiceSpec orchestration = service("orchestration");
        ServiceSpec catalog = service("catalog");

        assertThat(ServiceProcesses.command(ServiceSpec.GATEWAY, config)).contains("-XX:TieredStopAtLevel=4")
                .doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(ServiceProcesses.command(catalog, config)).contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:TieredStopAtLevel=4");

        assertThat(ServiceProcesses.command(orchestration, config)).contains("-XX:TieredStopAtLevel=4",
                PlatformConfig.DEFAULT_MAX_HEAP).doesNotContain("-XX:TieredStopAtLevel=1");
        PlatformConfig c1 = PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_SERVICE_JVM_ARGS", "-XX:TieredStopAtLevel=1"));
        assertThat(ServiceProcesses.command(orchestration, c1))
                .containsSubsequence("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1", "-jar");
    }

    @Test
    void addsAServiceFlagWithoutADefaultOfItsNameRightAfterTheDefaults() {
        ServiceSpec tuned = new ServiceSpec("tuned", "catalog-service", 8082, "catalog",
                java.util.List.of("-XX:+AlwaysPreTouch", "-Xss1m"));
        PlatformConfig withEnvironment = PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_SERVICE_JVM_ARGS", "-Xmx256m"));

        java.util.List<String> command = ServiceProcesses.command(tuned, withEnvironment);

        assertThat(command).containsSubsequence("-Xss1m", "-XX:+ExitOnOutOfMemoryError", "-XX:+AlwaysPreTouch",
                "-Xmx256m", "-jar").doesNotContain("-Xss512k");
        assertThat(ServiceSpec.flagName("-XX:-UseCompressedOops")).isEqualTo("-XX:UseCompressedOops");
        assertThat(ServiceSpec.flagName("-XX:MaxRAM=1g")).isEqualTo("-XX:MaxRAM");
        assertThat(ServiceSpec.flagName("-Dspring.aot.enabled=true")).isEqualTo("-Dspring.aot.enabled");
    }

    @Test
    void addsTheJvmFlagsOfTheEnvironmentAfterTheDefaultsSoTheyWin() {
        PlatformConfig fullJit = PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_SERVICE_JVM_ARGS", " -XX:TieredStopAtLevel=4  -Xmx256m "));

        ServiceSpec catalog = service("catalog");
        java.util.List<String> command = ServiceProcesses.command(catalog, fullJit);

        assertThat(command).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=4", "-Xmx256m", "-jar");
        assertThat(PlatformConfig.fromEnvironment(Path.of("/work/accord"), Map.of("ACCORD_SERVICE_JVM_ARGS", " "))
                .serviceJvmOptions()).isEqualTo(PlatformConfig.DEFAULT_SERVICE_JVM_OPTIONS);
    }

    @Test
    void replacesOrAddsTheDatabaseOfAJdbcUrl() {
        assertThat(Databases.withDatabase("jdbc:postgresql://h:5432/postgres", "catalog"))
                .isEqualTo("jdbc:postgresql://h:5432/catalog");
        assertThat(Databases.withDatabase("jdbc:postgresql://h:5432", "catalog"))
                .isEqualTo("jdbc:postgresql://h:5432/catalog");
        assertThat(Databases.withDatabase("jdbc:postgresql://h/?ssl=true", "catalog"))
                .isEqualTo("jdbc:postgresql://h/catalog?ssl=true");
        assertThatThrownBy(() -> Databases.withDatabase("jdbc:mysql://h/x", "catalog"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usesAnExistingServerWhenTheEnvironmentNamesOne() {
        PlatformConfig external = PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_DB_URL", "jdbc:postgresql://db:5432/postgres", "ACCORD_DB_USER", "accord"));

        assertThat(external.externalDatabase()).get()
                .isEqualTo(new PlatformConfig.ExternalDatabase("jdbc:postgresql://db:5432/postgres", "accord", ""));
        assertThat(PlatformConfig.fromEnvironment(Path.of("/w"), Map.of()).externalDatabase()).isEmpty();
    }

    private static ServiceSpec service(String key) {
        return ServiceSpec.SERVICES.stream().filter(spec -> key.equals(spec.key())).findFirst().orElseThrow();
    }
}
