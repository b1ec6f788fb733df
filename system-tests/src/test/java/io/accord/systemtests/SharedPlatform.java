package io.accord.systemtests;

import io.accord.launcher.ComponentState;
import io.accord.launcher.Platform;
import io.accord.launcher.PlatformConfig;
import io.accord.launcher.PlatformListener;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;

/**
 * One platform per test JVM, shared by every system test class: starting it (PostgreSQL, Kafka, Keycloak, six
 * services, the gateway) is what costs. Started by the launcher code with every port shifted by
 * {@link #PORT_OFFSET} (beside a running {@code ./accord up}), on the first test class that asks for it (a
 * {@code @BeforeAll} parameter of this type, with {@code @ExtendWith(SharedPlatform.class)}); stopped and its data
 * deleted when the JVM's tests are done (JUnit closes it with the root context's store).
 */
final class SharedPlatform implements ParameterResolver {

    /** Beside a running {@code ./accord up}: every port shifted by this much. */
    static final int PORT_OFFSET = 1000;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The started platform and where its data lives. */
    static final class Running implements AutoCloseable {

        final Platform platform;
        final Path workDirectory;
        final Keycloak keycloak;

        private Running(Platform platform, Path workDirectory) {
            this.platform = platform;
            this.workDirectory = workDirectory;
            this.keycloak = new Keycloak(platform.keycloakUrl());
        }

        static Running start() {
            try {
                Path root = Path.of(System.getProperty("accord.root", "..")).toAbsolutePath().normalize();
                // in the system temporary directory, open for traversal, so that PostgreSQL (an unprivileged user
                // when we are root) reaches its data even when the checkout lies in a root-only directory
                Path workDirectory = Files.createTempDirectory("accord-system-tests-");
                Files.setPosixFilePermissions(workDirectory, PosixFilePermissions.fromString("rwx-----x"));
                PlatformConfig defaults = PlatformConfig.defaults(root)
                        .withWorkDirectory(workDirectory)
                        .withPortOffset(PORT_OFFSET);
                // a loaded machine may need longer: -Daccord.system-tests.health-timeout-seconds=900
                PlatformConfig config = new PlatformConfig(defaults.projectRoot(), defaults.workDirectory(),
                        defaults.portOffset(), defaults.externalDatabase(), Duration.ofSeconds(Long.getLong(
                        "accord.system-tests.health-timeout-seconds", defaults.healthTimeout().toSeconds())),
                        defaults.serviceJvmOptions(), defaults.startServices());
                Platform platform = Platform.start(config, new PlatformListener() {
                    @Override
                    public void healthy(ComponentState component, Duration elapsed) {
                        System.out.println(component + " healthy after " + elapsed.toSeconds() + " s");
                    }
                });
                return new Running(platform, workDirectory);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the system tests' work directory", e);
            }
        }

        @Override
        public void close() throws IOException {
            platform.close();
            deleteRecursively(workDirectory);
        }

        /** Every run starts from empty databases, so its data cannot collide with an earlier run's. */
        private static void deleteRecursively(Path directory) throws IOException {
            if (!Files.exists(directory)) {
                return;
            }
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
