package io.accord.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * The self-care portal in the chart (issues 14 and 15): the browsers' entry point on its own host, talking to the
 * gateway and Keycloak only, its in-memory sessions kept on one pod. The policies every component must satisfy
 * (probes, security context, PDB, ...) are {@link ChartRenderingTests}', which count the portal among the components.
 */
class PortalChartTests {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;
    static final String PORTAL = "accord-self-care-portal";

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void thePortalCallsTheGatewayInClusterAndKeycloakOnTheBackChannelBehindTheTlsIngress(String valuesFile) {
        List<HasMetadata> resources = Chart.render(valuesFile, Map.of());
        Map<String, Object> keycloak = values(valuesFile, "keycloak");

        Map<String, String> config = named(Chart.ofType(resources, ConfigMap.class), PORTAL).getData();
        assertThat(config).containsEntry("ACCORD_GATEWAY_URL", "http://accord-api-gateway:8080")
                .containsEntry("ACCORD_ISSUER_URI", (String) keycloak.get("issuerUri"))
                .containsEntry("ACCORD_PORTAL_KEYCLOAK_BACKCHANNELURI", keycloak.get("url") + "/realms/accord")
                .containsEntry("ACCORD_PORTAL_CLIENT_ID", "self-care-portal")
                .containsEntry("ACCORD_PORTAL_SECURE_COOKIE", "true")
                .containsEntry("ACCORD_PORTAL_PUBLIC_URL", "https://" + ((Map<?, ?>) values(valuesFile, "ingress")
                        .get("portal")).get("host"))
                .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native")
                .containsEntry("SERVER_SERVLET_SESSION_TIMEOUT", "30m")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9090")
                // no database, no Kafka
                .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
        // the gateway does not route to it: it is not a backend
        assertThat(named(Chart.ofType(resources, ConfigMap.class), "accord-api-gateway").getData().keySet())
                .filteredOn(key -> key.startsWith("ACCORD_GATEWAY_BACKENDS_")).hasSize(6);

        Deployment deployment = named(Chart.ofType(resources, Deployment.class), PORTAL);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getImage()).endsWith("/self-care-portal:0.1.0-SNAPSHOT");
        assertThat(container.getEnv()).as("the realm's public client: no secret").isNullOrEmpty();
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void thePortalHasItsOwnHostWithTlsAndStickySessionsOnTheIngressAndTheService(String valuesFile) {
        List<HasMetadata> resources = Chart.render(valuesFile, Map.of());
        String host = (String) ((Map<?, ?>) values(valuesFile, "ingress").get("portal")).get("host");

        Ingress ingress = named(Chart.ofType(resources, Ingress.class), PORTAL);
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly(host);
            assertThat(tls.getSecretName()).isNotBlank();
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo(host);
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getBackend().getService().getName()).isEqualTo(PORTAL);
            });
        });
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true");
        // the API's Ingress is not sticky
        assertThat(named(Chart.ofType(resources, Ingress.class), "accord-api-gateway").getMetadata().getAnnotations())
                .doesNotContainKey("nginx.ingress.kubernetes.io/affinity");

        Service service = named(Chart.ofType(resources, Service.class), PORTAL);
        assertThat(service.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
        assertThat(service.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds()).isEqualTo(1800);
        assertThat(named(Chart.ofType(resources, Service.class), "accord-rating").getSpec().getSessionAffinity())
                .isNotEqualTo("ClientIP");
    }

    @Test
    void withoutStickySessionsNeitherTheIngressNorTheServiceIsAffine() {
        List<HasMetadata> resources = Chart.render("values.yaml",
                Map.of("components.self-care-portal.session.sticky", "false"));

        var annotations = named(Chart.ofType(resources, Ingress.class), PORTAL).getMetadata().getAnnotations();
        assertThat(annotations == null ? Map.of() : annotations).doesNotContainKey("nginx.ingress.kubernetes.io/affinity");
        assertThat(named(Chart.ofType(resources, Service.class), PORTAL).getSpec().getSessionAffinity())
                .isNotEqualTo("ClientIP");
    }

    @Test
    void thePortalIsReachedFromTheIngressOnlyAndReachesDnsTheGatewayAndKeycloakOnly() {
        List<NetworkPolicy> policies = Chart.ofType(Chart.render("values.yaml", Map.of()), NetworkPolicy.class);

        NetworkPolicy portal = named(policies, PORTAL);
        assertThat(portal.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        var http = portal.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().getFirst().getPort().getStrVal().equals("http")).findFirst()
                .orElseThrow();
        assertThat(http.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getPodSelector()).isNull();
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsExactlyEntriesOf(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
        });
        List<NetworkPolicyEgressRule> egress = portal.getSpec().getEgress();
        assertThat(egress).hasSize(3);
        assertThat(egress).filteredOn(rule -> rule.getTo() == null || rule.getTo().isEmpty())
                .singleElement().satisfies(dns -> assertThat(dns.getPorts())
                        .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
        assertThat(egress).filteredOn(rule -> rule.getTo() != null && !rule.getTo().isEmpty())
                .flatExtracting(NetworkPolicyEgressRule::getTo).extracting(PortalChartTests::podName)
                .containsExactlyInAnyOrder("api-gateway", "keycloak");

        // the gateway accepts the ingress, the portal and settlement (rating's export); the services only the gateway
        var gatewayHttp = named(policies, "accord-api-gateway").getSpec().getIngress().getFirst();
        assertThat(gatewayHttp.getFrom()).extracting(PortalChartTests::podName)
                .containsExactlyInAnyOrder(null, "self-care-portal", "settlement");
        for (NetworkPolicy service : policies) {
            if (!List.of(PORTAL, "accord-api-gateway").contains(service.getMetadata().getName())) {
                assertThat(service.getSpec().getIngress().getFirst().getFrom()).extracting(PortalChartTests::podName)
                        .containsExactly("api-gateway");
            }
        }
    }

    @Test
    void aConfidentialPortalClientReadsItsSecretFromAnExistingSecretOnly() {
        List<HasMetadata> resources = Chart.render("values-production.yaml",
                Map.of("components.self-care-portal.keycloakClient.existingSecret", "accord-keycloak-clients"));

        var container = named(Chart.ofType(resources, Deployment.class), PORTAL).getSpec().getTemplate().getSpec()
                .getContainers().getFirst();
        assertThat(container.getEnv()).singleElement().satisfies(variable -> {
            assertThat(variable.getName()).isEqualTo("ACCORD_PORTAL_KEYCLOAK_CLIENTSECRET");
            assertThat(variable.getValue()).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("accord-keycloak-clients");
            assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("self-care-portal");
        });
        assertThat(named(Chart.ofType(resources, ConfigMap.class), PORTAL).getData().keySet())
                .noneMatch(key -> key.contains("SECRET"));
    }

    @Test
    void thePortalsTlsSecretIsRequired() {
        assertThatThrownBy(() -> Chart.template("values-production.yaml", Map.of("ingress.portal.tlsSecret", "")))
                .hasMessageContaining("ingress.portal.tlsSecret is required");
    }

    @Test
    void onAGatewayApiRouteThePortalHasItsOwnHostAndSessionPersistenceWhenTheGatewaySupportsIt() {
        Map<String, String> route = Map.of("httpRoute.enabled", "true", "httpRoute.parentRefs[0].name", "public");

        String plain = Chart.template("values.yaml", route);
        String persistent = Chart.template("values.yaml", merged(route, "httpRoute.portalSessionPersistence", "true"));

        List<HasMetadata> routes = Chart.ofKind(Chart.parse(persistent), "HTTPRoute");
        assertThat(routes).extracting(r -> r.getMetadata().getName())
                .containsExactlyInAnyOrder("accord-api-gateway", PORTAL);
        String portalRoute = Chart.SERIALIZATION.asYaml(named(routes, PORTAL));
        assertThat(portalRoute).contains("portal.accord.example", "sessionPersistence", "type: \"Cookie\"");
        assertThat(Chart.SERIALIZATION.asYaml(named(Chart.ofKind(Chart.parse(plain), "HTTPRoute"), PORTAL)))
                .doesNotContain("sessionPersistence");
    }

    @Test
    void theDevelopmentRealmAllowsThePortalsRedirectUriOnTheChartsExampleHosts() {
        Map<String, Object> realm = Chart.yaml(Chart.ROOT.resolve("deploy/keycloak/accord-realm.json"));
        Map<?, ?> client = ((List<?>) realm.get("clients")).stream().map(Map.class::cast)
                .filter(candidate -> "self-care-portal".equals(candidate.get("clientId"))).findFirst().orElseThrow();
        String postLogout = (String) ((Map<?, ?>) client.get("attributes")).get("post.logout.redirect.uris");

        // values.yaml matches keycloak.yaml's hostname, values-dev.yaml is the development cluster; production's
        // realm is the operator's own (docs/deploy-kubernetes.md)
        for (String valuesFile : List.of("values.yaml", "values-dev.yaml")) {
            String host = (String) ((Map<?, ?>) values(valuesFile, "ingress").get("portal")).get("host");
            assertThat(((List<?>) client.get("redirectUris")).stream().map(String::valueOf)).as(valuesFile)
                    .contains("https://" + host + "/*");
            assertThat(postLogout.split("##")).as(valuesFile).contains("https://" + host + "/*");
        }
    }

    @Test
    void anInstallationWithoutThePortalRendersNoneOfItsResources() {
        List<HasMetadata> resources = Chart.render("values.yaml", Map.of("components.self-care-portal", "null"));

        assertThat(resources).noneMatch(resource -> resource.getMetadata().getName().equals(PORTAL));
        assertThat(Chart.ofType(resources, Deployment.class)).hasSize(7);
        assertThat(named(Chart.ofType(resources, NetworkPolicy.class), "accord-api-gateway").getSpec().getIngress()
                .getFirst().getFrom()).extracting(PortalChartTests::podName).containsExactlyInAnyOrder(null,
                "settlement");
    }

    private static String podName(NetworkPolicyPeer peer) {
        if (peer.getPodSelector() == null) {
            return null;
        }
        Map<String, String> labels = peer.getPodSelector().getMatchLabels();
        return labels.getOrDefault("app.kubernetes.io/name", labels.get("app"));
    }

    private static <T extends HasMetadata> T named(List<T> resources, String name) {
        return resources.stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among " + resources.stream()
                        .map(resource -> resource.getKind() + "/" + resource.getMetadata().getName()).toList()));
    }

    /** A top-level key of the values a file yields (values.yaml with the file on top). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(String valuesFile, String key) {
        Map<String, Object> values = Chart.yaml(Chart.DIRECTORY.resolve("values.yaml"));
        if (!valuesFile.equals("values.yaml")) {
            values = Chart.merge(values, Chart.yaml(Chart.DIRECTORY.resolve(valuesFile)));
        }
        return (Map<String, Object>) values.get(key);
    }

    private static Map<String, String> merged(Map<String, String> sets, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(sets);
        all.put(key, value);
        return all;
    }
}
