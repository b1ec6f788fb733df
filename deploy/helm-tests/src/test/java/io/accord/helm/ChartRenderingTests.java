package io.accord.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.accord.contracts.Topics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** The chart renders for every values file, and what it renders is safe to run (issue 14). */
class ChartRenderingTests {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;

    /** The gateway, the six services and the self-care portal, by the name the chart gives them. */
    static final Set<String> COMPONENTS = Set.of("api-gateway", "partner-onboarding", "catalog", "orchestration",
            "rating", "settlement", "dispute", "self-care-portal");

    /** The components with a database and Kafka: all but the gateway and the portal. */
    static final Set<String> SERVICES = Set.of("partner-onboarding", "catalog", "orchestration", "rating",
            "settlement", "dispute");

    /** Environment variables whose value is a credential: only ever from a Secret. */
    static final Set<String> SECRET_VARIABLES = Set.of("SPRING_FLYWAY_PASSWORD", "SPRING_DATASOURCE_PASSWORD",
            "ACCORD_ONBOARDING_CLIENT_SECRET", "ACCORD_ACTIVATION_SECRET_KEY",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "ACCORD_PORTAL_KEYCLOAK_CLIENTSECRET");

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void lintsStrictlyClean(String valuesFile) {
        LintResult lint = Chart.lint(valuesFile);

        assertThat(lint.isFailed()).as("helm lint --strict with %s: %s", valuesFile, lint.getMessages()).isFalse();
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyComponentIsADeploymentWithProbesResourcesAndALockedDownSecurityContext(String valuesFile) {
        List<Deployment> deployments = Chart.ofType(Chart.render(valuesFile, Map.of()), Deployment.class);

        assertThat(deployments).extracting(deployment -> deployment.getMetadata().getLabels()
                .get("app.kubernetes.io/name")).containsExactlyInAnyOrderElementsOf(COMPONENTS);
        for (Deployment deployment : deployments) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(pod.getServiceAccountName()).isEqualTo(deployment.getMetadata().getName());
            assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
            // uploads arriving wait in /tmp: rating's and settlement's CDR files (upload-spool-budget 2200MB, 1100MB)
            String tmpSize = pod.getVolumes().stream().filter(volume -> volume.getName().equals("tmp")).findFirst()
                    .orElseThrow().getEmptyDir().getSizeLimit().toString();
            assertThat(tmpSize).as(valuesFile + ": " + deployment.getMetadata().getName()).isEqualTo(
                    switch (deployment.getMetadata().getLabels().get("app.kubernetes.io/name")) {
                        case "rating" -> "2560Mi";
                        case "settlement" -> "1280Mi";
                        default -> "256Mi";
                    });
            for (Container container : pod.getContainers()) {
                String what = valuesFile + ": " + container.getName();
                assertThat(List.of(container.getStartupProbe(), container.getLivenessProbe(),
                        container.getReadinessProbe())).as(what).allSatisfy(probe -> assertOnManagementPort(probe));
                assertThat(container.getReadinessProbe().getHttpGet().getPath())
                        .isEqualTo("/actuator/health/readiness");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
                assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what).containsKey("memory");
                var security = container.getSecurityContext();
                assertThat(security.getRunAsNonRoot()).as(what).isTrue();
                assertThat(security.getReadOnlyRootFilesystem()).as(what).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(what).isFalse();
                assertThat(security.getCapabilities().getDrop()).as(what).containsExactly("ALL");
                assertThat(container.getVolumeMounts()).as(what)
                        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void credentialsComeOnlyFromSecretsAndEveryServiceMigratesAsOwnerAndRunsAsTheRuntimeRole(String valuesFile) {
        List<HasMetadata> resources = Chart.renderWithHooks(valuesFile, Map.of());

        for (Deployment deployment : Chart.ofType(resources, Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
            assertThat(env).as("no plain value in env, only secretKeyRef: %s", container.getName())
                    .allSatisfy(variable -> {
                        assertThat(variable.getValue()).isNull();
                        assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
                    });
            if (SERVICES.contains(container.getName())) {
                assertThat(env).extracting(EnvVar::getName).contains("SPRING_DATASOURCE_USERNAME",
                        "SPRING_DATASOURCE_PASSWORD");
            }
        }
        // the owner's credentials only where the migrations run: each service's pods, or its migration Job
        boolean migrationJobs = valuesFile.equals("values-production.yaml");
        List<Container> migrating = new ArrayList<>();
        Chart.ofType(resources, Deployment.class).forEach(deployment -> migrating.add(
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst()));
        Chart.ofType(resources, Job.class).forEach(job -> migrating.add(
                job.getSpec().getTemplate().getSpec().getContainers().getFirst()));
        assertThat(migrating).filteredOn(container -> container.getEnv() != null && container.getEnv().stream()
                        .anyMatch(variable -> variable.getName().equals("SPRING_FLYWAY_USER")
                                && variable.getValueFrom().getSecretKeyRef() != null))
                .extracting(Container::getName).containsExactlyInAnyOrderElementsOf(SERVICES.stream()
                        .map(service -> migrationJobs ? service + "-migrations" : service).toList());
        // nor hidden in a ConfigMap
        for (HasMetadata configMap : Chart.ofKind(resources, "ConfigMap")) {
            Map<String, String> data = ((ConfigMap) configMap).getData();
            assertThat(data.keySet()).as(configMap.getMetadata().getName()).doesNotContainAnyElementsOf(SECRET_VARIABLES)
                    .noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET"));
        }
        assertThat(Chart.ofKind(resources, "Secret")).as("the chart creates no Secret").isEmpty();
        // several replicas start together: the ones not migrating wait for Flyway's lock instead of failing
        assertThat(Chart.ofKind(resources, "ConfigMap")).filteredOn(map -> SERVICES.contains(map.getMetadata()
                .getLabels().get("app.kubernetes.io/name"))).hasSize(6).allSatisfy(map -> assertThat(
                        ((ConfigMap) map).getData())
                .containsEntry("SPRING_FLYWAY_LOCKRETRYCOUNT", "300"));
    }

    @Test
    void settlementReadsRatingsExportThroughTheGatewayTheOnlyCallerRatingAdmits() {
        List<HasMetadata> resources = Chart.render("values.yaml", Map.of());
        HasMetadata gateway = Chart.ofKind(resources, "Service").stream()
                .filter(service -> service.getMetadata().getName().endsWith("api-gateway")).findFirst().orElseThrow();

        assertThat(Chart.ofKind(resources, "ConfigMap")).filteredOn(map -> map.getMetadata().getName()
                .endsWith("-settlement")).singleElement().satisfies(map -> assertThat(
                ((ConfigMap) map).getData().get("ACCORD_SETTLEMENT_RATINGURL"))
                .startsWith("http://" + gateway.getMetadata().getName() + ":"));
        assertThat(Chart.ofKind(resources, "ConfigMap")).filteredOn(map -> !map.getMetadata().getName()
                .endsWith("-settlement")).allSatisfy(map -> assertThat(
                ((ConfigMap) map).getData()).doesNotContainKey(
                "ACCORD_SETTLEMENT_RATINGURL"));
    }

    /**
     * KEDA scales rating on the lag of the consumer group that reads usage.raw.v1: rating's ingest pipeline's
     * ({@code accord.rating.ingest.consumer-group}, IngestProperties' default, not overridden in application.yml).
     * Until 2026-12-07 the chart said {@code rating}, the group of rating's read-model listeners, which never reads
     * usage.raw.v1: KEDA saw no lag however far ingestion fell behind.
     */
    @Test
    void kedaScalesRatingOnTheConsumerGroupThatReadsTheRawUsageTopic() {
        String properties = Chart.read(Chart.ROOT.resolve(
                "rating-service/src/main/java/io/accord/rating/ingest/IngestProperties.java"));
        Matcher group = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s+String consumerGroup").matcher(properties);
        Matcher topic = Pattern.compile("@DefaultValue\\(([^)]+)\\)\\s+String topic").matcher(properties);
        assertThat(group.find()).as("IngestProperties' consumerGroup default").isTrue();
        assertThat(topic.find()).as("IngestProperties' topic default").isTrue();
        assertThat(topic.group(1)).isEqualTo("Topics.USAGE_RAW");
        assertThat(Chart.read(Chart.ROOT.resolve("rating-service/src/main/resources/application.yml")))
                .as("rating's application.yml keeps the defaults").doesNotContain("consumer-group:")
                .doesNotContainPattern("(?m)^\\s+ingest:\\s*\\n\\s+topic:");

        HasMetadata scaledObject = Chart.ofKind(Chart.render("values-production.yaml", Map.of()), "ScaledObject")
                .getFirst();
        String yaml = Chart.SERIALIZATION.asYaml(scaledObject);
        assertThat(yaml).contains("consumerGroup: \"" + group.group(1) + "\"", "topic: \"" + Topics.USAGE_RAW + "\"");
    }

    /**
     * Who calls whom, derived from the rendered configuration: every component whose ConfigMap holds another
     * component's Service URL must be admitted on that port by the NetworkPolicies selecting the other's pods.
     * (Until 2026-12-07 settlement read rating's export through the gateway, whose policy admitted only the
     * ingress and the portal: usage matching was blocked.)
     */
    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyComponentCallingAnotherInTheClusterIsAdmittedByTheOthersNetworkPolicy(String valuesFile) {
        Set<List<String>> calls = assertCallersAdmitted(Chart.render(valuesFile, Map.of()), valuesFile);

        // the derivation found the calls it must (not a vacuous pass)
        assertThat(calls).contains(List.of("settlement", "api-gateway"), List.of("self-care-portal", "api-gateway"),
                List.of("api-gateway", "rating"));
    }

    @Test
    void aCallAddedThroughAComponentsEnvIsAdmittedToo() {
        Set<List<String>> calls = assertCallersAdmitted(Chart.render("values.yaml",
                Map.of("components.dispute.env.ACCORD_DISPUTE_CATALOGURL", "http://accord-catalog:8080/api")),
                "dispute calls catalog");

        assertThat(calls).contains(List.of("dispute", "catalog"));
    }

    /** Global JVM flags reach every component; a component's own JAVA_TOOL_OPTIONS replaces them for it alone. */
    @Test
    void aComponentsOwnJavaToolOptionsReplaceTheGlobalOnes() {
        List<HasMetadata> resources = Chart.render("values.yaml", Map.of("javaToolOptions", "-XX:+PrintFlagsFinal",
                "components.rating.env.JAVA_TOOL_OPTIONS", "-Xmx256m"));

        Map<String, String> options = Chart.ofKind(resources, "ConfigMap").stream()
                .map(ConfigMap.class::cast)
                .filter(map -> map.getData().containsKey("SERVER_PORT"))
                .collect(Collectors.toMap(map -> map.getMetadata().getName(),
                        map -> String.valueOf(map.getData().get("JAVA_TOOL_OPTIONS"))));
        assertThat(options).hasSize(COMPONENTS.size());
        assertThat(options).allSatisfy((name, value) -> assertThat(value)
                .isEqualTo(name.endsWith("-rating") ? "-Xmx256m" : "-XX:+PrintFlagsFinal"));
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyComponentHasAPodDisruptionBudgetAServiceAccountAndANetworkPolicy(String valuesFile) {
        List<HasMetadata> resources = Chart.render(valuesFile, Map.of());

        assertThat(names(Chart.ofType(resources, PodDisruptionBudget.class))).isEqualTo(deploymentNames(resources));
        assertThat(names(Chart.ofKind(resources, "ServiceAccount"))).isEqualTo(deploymentNames(resources));
        assertThat(names(Chart.ofType(resources, NetworkPolicy.class))).isEqualTo(deploymentNames(resources));
    }

    @Test
    void onlyTheGatewayAndThePortalAreReachableFromTheIngressAndServicesOnlyFromTheGateway() {
        List<NetworkPolicy> policies = Chart.ofType(Chart.render("values.yaml", Map.of()), NetworkPolicy.class);

        for (NetworkPolicy policy : policies) {
            String component = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            var http = policy.getSpec().getIngress().stream()
                    .filter(rule -> rule.getPorts().getFirst().getPort().getStrVal().equals("http")).findFirst()
                    .orElseThrow();
            var management = policy.getSpec().getIngress().stream()
                    .filter(rule -> rule.getPorts().getFirst().getPort().getStrVal().equals("management"))
                    .findFirst().orElseThrow();
            assertThat(management.getFrom().getFirst().getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring");
            if (component.equals("api-gateway") || component.equals("self-care-portal")) {
                assertThat(http.getFrom().getFirst().getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
            } else {
                // the gateway's pods (the in-cluster callers: everyComponentCallingAnotherInTheCluster...)
                assertThat(http.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels())
                            .containsEntry("app.kubernetes.io/name", "api-gateway");
                });
            }
            // an empty `from` would admit everyone
            assertThat(http.getFrom()).as(component).isNotEmpty();
        }
        assertThat(policies).hasSize(COMPONENTS.size());
    }

    @Test
    void productionScalesRatingOnConsumerLagThroughKedaAndIsScrapedByThePrometheusOperator() {
        List<HasMetadata> resources = Chart.render("values-production.yaml", Map.of());

        HasMetadata scaledObject = Chart.ofKind(resources, "ScaledObject").getFirst();
        assertThat(scaledObject.getMetadata().getName()).isEqualTo("accord-rating");
        // the consumer group and topic: kedaScalesRatingOnTheConsumerGroupThatReadsTheRawUsageTopic
        assertThat(Chart.SERIALIZATION.asYaml(scaledObject)).contains("type: \"kafka\"");
        // KEDA owns rating's HPA; the others keep their plain CPU one
        assertThat(names(Chart.ofKind(resources, "HorizontalPodAutoscaler"))).hasSize(COMPONENTS.size() - 1)
                .doesNotContain("accord-rating");
        assertThat(Chart.ofKind(resources, "ServiceMonitor")).hasSize(COMPONENTS.size());
        // the gateway's and the portal's, each with its own TLS Secret from cert-manager
        assertThat(Chart.ofType(resources, Ingress.class)).allSatisfy(ingress -> assertThat(ingress.getMetadata()
                        .getAnnotations()).containsKey("cert-manager.io/cluster-issuer"))
                .extracting(ingress -> ingress.getMetadata().getName(),
                        ingress -> ingress.getSpec().getTls().getFirst().getSecretName())
                .containsExactlyInAnyOrder(tuple("accord-api-gateway", "accord-api-tls"),
                        tuple("accord-self-care-portal", "accord-portal-tls"));
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void onlyTheDevelopmentClusterAdvertisesTheDemoUsersInItsApiDocs(String valuesFile) {
        List<HasMetadata> resources = Chart.render(valuesFile, Map.of());

        List<String> flags = Chart.ofKind(resources, "ConfigMap").stream()
                .map(configMap -> ((ConfigMap) configMap).getData())
                .filter(data -> data != null && data.containsKey("ACCORD_PLATFORM_APIDOCS_DEVELOPMENTREALM"))
                .map(data -> data.get("ACCORD_PLATFORM_APIDOCS_DEVELOPMENTREALM")).toList();
        if (valuesFile.equals("values-dev.yaml")) {
            assertThat(flags).isNotEmpty().containsOnly("true");
        } else {
            assertThat(flags).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyPodRequestsTheDiskItsTmpMayFill(String valuesFile) {
        for (Deployment deployment : Chart.ofType(Chart.render(valuesFile, Map.of()), Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            var tmp = pod.getVolumes().stream().filter(volume -> volume.getName().equals("tmp")).findFirst()
                    .orElseThrow();
            assertThat(pod.getContainers().getFirst().getResources().getRequests())
                    .as(deployment.getMetadata().getName())
                    .containsEntry("ephemeral-storage", tmp.getEmptyDir().getSizeLimit());
        }
    }

    @Test
    void developmentRunsOneReplicaOfEachWithoutAutoscalingAndDrainsStillWork() {
        List<HasMetadata> resources = Chart.render("values-dev.yaml", Map.of());

        assertThat(Chart.ofType(resources, Deployment.class))
                .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
        assertThat(Chart.ofKind(resources, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(Chart.ofType(resources, PodDisruptionBudget.class)).allSatisfy(pdb ->
                assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
    }

    @Test
    void aValuesFileWithoutARequiredSecretReferenceFailsTheTemplateWithAMessageNamingIt() throws Exception {
        var badValues = java.nio.file.Path.of(getClass().getResource("/values-without-activation-key.yaml").toURI());

        assertThatThrownBy(() -> Chart.template(List.of(Chart.DIRECTORY.resolve("values-production.yaml"),
                Chart.SITE_VALUES, badValues), Map.of()))
                .hasMessageContaining("components.orchestration.activationKey.existingSecret is required")
                .hasMessageContaining("the AES-256 key encrypting partners' webhook secrets");
    }

    @Test
    void aMissingSecretReferenceFailsTheTemplateWithAMessageNamingIt() {
        assertThatThrownBy(() -> Chart.template("values-production.yaml",
                Map.of("components.rating.database.appSecret", "")))
                .hasMessageContaining("components.rating.database.appSecret is required")
                .hasMessageContaining("existing Secret");
        assertThatThrownBy(() -> Chart.template("values.yaml",
                Map.of("components.partner-onboarding.keycloakClient.existingSecret", "")))
                .hasMessageContaining("components.partner-onboarding.keycloakClient.existingSecret is required");
    }

    private static final Pattern URL = Pattern.compile("https?://([a-z0-9-]+)(?:\\.[a-z0-9.-]+)?:(\\d+)");

    /** Each (caller, callee) found in the ConfigMaps, asserting the callee's policies admit the caller's pods. */
    static Set<List<String>> assertCallersAdmitted(List<HasMetadata> resources, String what) {
        Map<String, Service> services = Chart.ofType(resources, Service.class).stream()
                .collect(Collectors.toMap(service -> service.getMetadata().getName(), service -> service));
        List<Deployment> deployments = Chart.ofType(resources, Deployment.class);
        List<NetworkPolicy> policies = Chart.ofType(resources, NetworkPolicy.class);
        assertThat(policies).as("%s: NetworkPolicies on", what).isNotEmpty();
        Set<List<String>> calls = new LinkedHashSet<>();
        for (ConfigMap configMap : Chart.ofType(resources, ConfigMap.class)) {
            String caller = configMap.getMetadata().getLabels().get("app.kubernetes.io/name");
            Map<String, String> callerPod = podOf(deployments, caller).getSpec().getTemplate().getMetadata()
                    .getLabels();
            for (String value : configMap.getData().values()) {
                Matcher url = URL.matcher(value);
                while (url.find()) {
                    Service service = services.get(url.group(1));
                    if (service == null) {
                        continue;
                    }
                    String callee = service.getMetadata().getLabels().get("app.kubernetes.io/name");
                    ServicePort port = service.getSpec().getPorts().stream()
                            .filter(candidate -> candidate.getPort() == Integer.parseInt(url.group(2))).findFirst()
                            .orElseThrow(() -> new AssertionError(what + ": " + caller + " calls " + url.group()
                                    + ", a port its Service does not have"));
                    Deployment target = deployments.stream().filter(deployment -> deployment.getSpec().getTemplate()
                            .getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector()
                                    .entrySet())).findFirst().orElseThrow();
                    Container container = target.getSpec().getTemplate().getSpec().getContainers().getFirst();
                    String portName = port.getTargetPort().getStrVal();
                    int portNumber = portName == null ? port.getTargetPort().getIntVal() : container.getPorts()
                            .stream().filter(p -> portName.equals(p.getName())).findFirst().orElseThrow()
                            .getContainerPort();
                    Map<String, String> calleePod = target.getSpec().getTemplate().getMetadata().getLabels();
                    boolean admitted = policies.stream()
                            .filter(policy -> selects(policy.getSpec().getPodSelector(), calleePod))
                            .flatMap(policy -> policy.getSpec().getIngress().stream())
                            .filter(rule -> rule.getPorts() == null || rule.getPorts().isEmpty() || rule.getPorts()
                                    .stream().anyMatch(p -> portName != null && portName.equals(p.getPort().getStrVal())
                                            || Integer.valueOf(portNumber).equals(p.getPort().getIntVal())))
                            .anyMatch(rule -> rule.getFrom() == null || rule.getFrom().isEmpty() || rule.getFrom()
                                    .stream().anyMatch(peer -> peer.getNamespaceSelector() == null
                                            && peer.getIpBlock() == null && peer.getPodSelector() != null
                                            && selects(peer.getPodSelector(), callerPod)));
                    assertThat(admitted).as("%s: %s calls %s (%s), so %s's NetworkPolicy must admit %s's pods",
                            what, caller, callee, url.group(), callee, caller).isTrue();
                    calls.add(List.of(caller, callee));
                }
            }
        }
        return calls;
    }

    private static Deployment podOf(List<Deployment> deployments, String component) {
        return deployments.stream().filter(deployment -> component.equals(deployment.getSpec().getTemplate()
                .getMetadata().getLabels().get("app.kubernetes.io/name"))).findFirst().orElseThrow();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("matchLabels only").isNullOrEmpty();
        return selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static void assertOnManagementPort(Probe probe) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(probe.getHttpGet().getPath()).startsWith("/actuator/health/");
    }

    private static Set<String> deploymentNames(List<HasMetadata> resources) {
        return names(Chart.ofType(resources, Deployment.class));
    }

    private static Set<String> names(List<? extends HasMetadata> resources) {
        return resources.stream().map(resource -> resource.getMetadata().getName()).collect(Collectors.toSet());
    }
}
