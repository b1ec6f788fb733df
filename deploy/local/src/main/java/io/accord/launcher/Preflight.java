package io.accord.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks before anything starts, so a busy port or a missing jar fails in a second, not after a minute. */
final class Preflight {

    private Preflight() {
    }

    static void check(PlatformConfig config) {
        List<String> problems = new ArrayList<>();
        ports(config).forEach((component, port) -> {
            if (!isFree(port)) {
                problems.add(component + ": port " + port + " is already in use");
            }
        });
        // the mail sink's other ports; its SMTP port is checked with the components' ports
        for (int port : List.of(config.imapPort(), config.mailApiPort())) {
            if (!isFree(port)) {
                problems.add("mail: port " + port + " is already in use");
            }
        }
        if (!Files.isRegularFile(config.realmFile())) {
            problems.add("keycloak: realm file " + config.realmFile() + " is missing");
        }
        if (config.startServices()) {
            for (ServiceSpec service : services()) {
                if (!Files.isRegularFile(service.jar(config.projectRoot()))) {
                    problems.add(service.name() + ": " + service.jar(config.projectRoot()) + " is missing; build it with"
                            + " ./mvnw -DskipTests install -pl " + service.module() + " -am");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot start Accord:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", problems));
        }
    }

    static List<ServiceSpec> services() {
        List<ServiceSpec> all = new ArrayList<>(ServiceSpec.SERVICES);
        all.add(ServiceSpec.GATEWAY);
        all.add(ServiceSpec.PORTAL);
        return all;
    }

    static Map<String, Integer> ports(PlatformConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (config.externalDatabase().isEmpty()) {
            ports.put("postgres", config.postgresPort());
        }
        ports.put("kafka", config.kafkaPort());
        ports.put("keycloak", config.keycloakPort());
        ports.put("mail", config.smtpPort());
        if (config.startServices()) {
            services().forEach(service -> ports.put(service.name(), config.port(service)));
        }
        return ports;
    }

    private static boolean isFree(int port) {
        // binds the wildcard address, as the services do, so a listener on any interface counts as busy
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
