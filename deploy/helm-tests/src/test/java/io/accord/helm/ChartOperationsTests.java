package io.accord.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * What an SRE needs of the chart to run it (review R14, 2026-12-07): bodies the ingress lets through, the issuing
 * entities in production, extra files and secrets, a pause before shutdown, images by digest, alerts with runbooks.
 */
class ChartOperationsTests {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;
    static final String NGINX = "nginx.ingress.kubernetes.io/";

    /** The modules behind the API's host: the gateway, the platform starter and the six services. */
    static final List<String> API_MODULES = List.of("api-gateway", "platform-starter", "partner-onboarding-service",
            "catalog-service", "orchestration-service", "rating-service", "settlement-service", "dispute-service");

    // ---- ingress: body sizes and timeouts

    /**
     * ingress-nginx refuses bodies over 1m by default: CDR files (2 GB), invoices (20 MB), documents (10 MB). The
     * API's host takes at least the largest body size limit any module behind it configures (every {@code max...Size}
     * DataSize default in its code and every {@code max-...-size} in its application.yml), streams bodies to the
     * gateway, and waits longer than the gateway does for a backend.
     */
    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void theApiIngressTakesTheLargestBodyBehindItStreamsItAndOutwaitsTheGateway(String valuesFile) {
        Map<String, String> annotations = named(Chart.ofType(Chart.render(valuesFile, Map.of()), Ingress.class),
                "accord-api-gateway").getMetadata().getAnnotations();
        long bodySize = nginxBytes(annotations.get(NGINX + "proxy-body-size"));

        Map<String, Long> limits = sizeLimits(API_MODULES);
        assertThat(limits).as("the limits found").containsKey(
                "rating-service/src/main/java/io/accord/rating/usage/UsageFileProperties.java maxSize");
        assertThat(limits).allSatisfy((where, limit) -> assertThat(bodySize).as("%s: proxy-body-size %s against %s",
                valuesFile, annotations.get(NGINX + "proxy-body-size"), where).isGreaterThanOrEqualTo(limit));
        assertThat(annotations).containsEntry(NGINX + "proxy-request-buffering", "off");
        Duration gateway = gatewayResponseTimeout();
        assertThat(Long.parseLong(annotations.get(NGINX + "proxy-read-timeout"))).isGreaterThan(gateway.toSeconds());
        assertThat(Long.parseLong(annotations.get(NGINX + "proxy-send-timeout"))).isGreaterThan(gateway.toSeconds());
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void thePortalsIngressTakesThePortalsLargestUpload(String valuesFile) {
        Map<String, String> annotations = named(Chart.ofType(Chart.render(valuesFile, Map.of()), Ingress.class),
                "accord-self-care-portal").getMetadata().getAnnotations();
        long bodySize = nginxBytes(annotations.get(NGINX + "proxy-body-size"));

        Map<String, Long> limits = sizeLimits(List.of("self-care-portal"));
        assertThat(limits).containsKey("self-care-portal/src/main/resources/application.yml max-request-size");
        assertThat(limits).allSatisfy((where, limit) -> assertThat(bodySize).as(where)
                .isGreaterThanOrEqualTo(limit));
        // sticky sessions stay
        assertThat(annotations).containsEntry(NGINX + "affinity", "cookie");
    }

    @Test
    void theOperatorsAnnotationsOverrideTheChartsIngressSettings() {
        Map<String, String> annotations = named(Chart.ofType(Chart.render("values.yaml",
                Map.of("ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "0")), Ingress.class),
                "accord-api-gateway").getMetadata().getAnnotations();

        assertThat(annotations).containsEntry(NGINX + "proxy-body-size", "0")
                .containsEntry(NGINX + "proxy-request-buffering", "off");
    }

    // ---- issuing entities

    @Test
    void productionRefusesToRenderWithoutTheIssuingEntities() {
        assertThatThrownBy(() -> Chart.template(List.of(Chart.DIRECTORY.resolve("values-production.yaml")),
                Map.of("prometheusRule.runbookUrl", "https://git.example.com/accord/docs/runbook.md")))
                .hasMessageContaining("components.settlement.issuingEntities is required")
                .hasMessageContaining("legal entities");
    }

    /**
     * The site's entities reach settlement as environment variables that Spring binds to
     * {@code accord.settlement.issuing-entities}, replacing application.yml's development example as a whole.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSitesIssuingEntitiesReplaceTheApplicationsExampleInSettlement() {
        Map<String, String> env = named(Chart.ofType(Chart.render("values-production.yaml", Map.of()),
                ConfigMap.class), "accord-settlement").getData();
        Map<String, Object> application = Chart.yaml(Chart.ROOT.resolve(
                "settlement-service/src/main/resources/application.yml"));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(env)));
        sources.addLast(new MapPropertySource("application.yml", flatten("", application, new LinkedHashMap<>())));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));

        List<Entity> bound = binder.bind("accord.settlement.issuing-entities", Bindable.listOf(Entity.class)).get();

        List<Map<String, Object>> site = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                Chart.yaml(Chart.SITE_VALUES).get("components")).get("settlement")).get("issuingEntities");
        assertThat(bound).hasSameSizeAs(site);
        for (int index = 0; index < site.size(); index++) {
            Map<String, Object> expected = site.get(index);
            Entity entity = bound.get(index);
            Map<String, Object> address = (Map<String, Object>) expected.get("address");
            Map<String, Object> bank = (Map<String, Object>) expected.get("bankAccount");
            assertThat(entity).isEqualTo(new Entity((String) expected.get("id"), (String) expected.get("name"),
                    new Address((String) address.get("street"), (String) address.get("postCode"),
                            (String) address.get("city"), (String) address.get("country")),
                    (String) expected.get("taxId"), (String) expected.get("documentNumberPrefix"),
                    new BankAccount((String) bank.get("iban"), (String) bank.get("bic"))));
        }
        // nothing of the example is left
        assertThat(bound).extracting(Entity::id).doesNotContain("accord-de");
    }

    /**
     * A bigger API tier for one partner and the bulk bucket reach the gateway as environment variables (the partner
     * id without its dashes, which the gateway accepts) that Spring binds to {@code accord.gateway.rate-limit}.
     */
    @Test
    void rateLimitValuesReachTheGatewayAsItsProperties() {
        String partner = "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f";
        String values = "components.api-gateway.rateLimit.";
        Map<String, String> env = named(Chart.ofType(Chart.render("values.yaml", Map.of(
                        values + "bulk.capacity", "40",
                        values + "bulkRequests[0]", "POST /tmf-api/usageManagement/v4/usage/batch",
                        values + "bulkRequests[1]", "PUT /api/x/*",
                        values + "partners." + partner + ".authenticated.capacity", "1000",
                        values + "partners." + partner + ".bulk.refillPeriod", "500ms")),
                ConfigMap.class), "accord-api-gateway").getData();
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(env)));

        RateLimits bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind("accord.gateway.rate-limit", RateLimits.class).get();

        assertThat(bound.bulk()).isEqualTo(new Bucket(40L, null, null));
        assertThat(bound.bulkRequests())
                .containsExactly("POST /tmf-api/usageManagement/v4/usage/batch", "PUT /api/x/*");
        assertThat(bound.partners()).hasSize(1);
        assertThat(bound.partners().keySet().iterator().next()).isEqualToIgnoringCase(partner.replace("-", ""));
        assertThat(bound.partners().values().iterator().next()).isEqualTo(new PartnerLimits(
                new Bucket(1000L, null, null), new Bucket(null, null, Duration.ofMillis(500))));
        assertThat(named(Chart.ofType(Chart.render("values.yaml", Map.of()), ConfigMap.class), "accord-api-gateway")
                .getData().keySet()).noneMatch(key -> key.startsWith("ACCORD_GATEWAY_RATELIMIT_"));
    }

    record RateLimits(Bucket bulk, List<String> bulkRequests, Map<String, PartnerLimits> partners) {
    }

    record PartnerLimits(Bucket authenticated, Bucket bulk) {
    }

    record Bucket(Long capacity, Long refillTokens, Duration refillPeriod) {
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void withoutIssuingEntitiesOnlyDevelopmentLikeInstallationsRender(String valuesFile) {
        Map<String, String> env = named(Chart.ofType(Chart.render(valuesFile, Map.of()), ConfigMap.class),
                "accord-settlement").getData();

        assertThat(env.keySet().stream().anyMatch(key -> key.startsWith("ACCORD_SETTLEMENT_ISSUINGENTITIES_")))
                .as(valuesFile).isEqualTo(valuesFile.equals("values-production.yaml"));
    }

    // ---- extra volumes, mounts, envFrom

    @Test
    void extraVolumesMountsAndEnvFromReachThePods() {
        List<Deployment> deployments = Chart.ofType(Chart.render("values.yaml", Map.of(
                "defaults.extraVolumes[0].name", "truststore",
                "defaults.extraVolumes[0].secret.secretName", "accord-truststore",
                "defaults.extraVolumeMounts[0].name", "truststore",
                "defaults.extraVolumeMounts[0].mountPath", "/etc/accord/truststore",
                "defaults.extraVolumeMounts[0].readOnly", "true",
                "components.settlement.extraEnvFrom[0].secretRef.name", "accord-smtp")), Deployment.class);

        for (Deployment deployment : deployments) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().getFirst();
            assertThat(pod.getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo("truststore");
                assertThat(volume.getSecret().getSecretName()).isEqualTo("accord-truststore");
            }).anySatisfy(volume -> assertThat(volume.getName()).isEqualTo("tmp"));
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                assertThat(mount.getMountPath()).isEqualTo("/etc/accord/truststore");
                assertThat(mount.getReadOnly()).isTrue();
            }).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            if (deployment.getMetadata().getName().equals("accord-settlement")) {
                assertThat(container.getEnvFrom()).hasSize(2);
                assertThat(container.getEnvFrom().getFirst().getConfigMapRef().getName()).isEqualTo("accord-settlement");
                assertThat(container.getEnvFrom().getLast().getSecretRef().getName()).isEqualTo("accord-smtp");
            } else {
                assertThat(container.getEnvFrom()).singleElement()
                        .satisfies(from -> assertThat(from.getConfigMapRef()).isNotNull());
            }
        }
    }

    // ---- shutdown

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void podsPauseBeforeShuttingDownWithinTheirGracePeriod(String valuesFile) {
        for (Deployment deployment : Chart.ofType(Chart.render(valuesFile, Map.of()), Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            List<String> command = pod.getContainers().getFirst().getLifecycle().getPreStop().getExec().getCommand();
            assertThat(command).as(deployment.getMetadata().getName()).hasSize(2).first().isEqualTo("sleep");
            long sleep = Long.parseLong(command.getLast());
            assertThat(sleep).isPositive();
            // the pause, then Spring's graceful shutdown (30 s)
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(sleep + 30);
        }
    }

    @Test
    void aGracePeriodShorterThanThePauseAndTheGracefulShutdownFailsTheRender() {
        assertThatThrownBy(() -> Chart.template("values.yaml", Map.of("defaults.terminationGracePeriodSeconds", "30")))
                .hasMessageContaining("terminationGracePeriodSeconds (30) must be at least preStopSleepSeconds (10)");
        assertThat(Chart.ofType(Chart.render("values.yaml", Map.of("defaults.preStopSleepSeconds", "0")),
                Deployment.class)).allSatisfy(deployment -> assertThat(deployment.getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getLifecycle()).isNull());
    }

    // ---- images by digest

    @Test
    void aComponentsImageMayBePinnedByDigest() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);

        List<Deployment> deployments = Chart.ofType(Chart.render("values.yaml",
                Map.of("components.rating.imageDigest", digest)), Deployment.class);

        assertThat(deployments).hasSize(8).allSatisfy(deployment -> {
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
            if (deployment.getMetadata().getName().equals("accord-rating")) {
                assertThat(image).isEqualTo("ghcr.io/accord/rating-service@" + digest);
            } else {
                assertThat(image).endsWith(":0.1.0-SNAPSHOT").doesNotContain("@");
            }
        });
        assertThatThrownBy(() -> Chart.template("values.yaml", Map.of("components.rating.imageDigest", "latest")))
                .hasMessageContaining("components.rating.imageDigest must be sha256:<64 hex digits>");
    }

    // ---- alerts

    @Test
    void noPrometheusRuleUnlessAskedFor() {
        assertThat(Chart.ofKind(Chart.render("values.yaml", Map.of()), "PrometheusRule")).isEmpty();
        assertThat(Chart.ofKind(Chart.render("values-dev.yaml", Map.of()), "PrometheusRule")).isEmpty();
        assertThatThrownBy(() -> Chart.template("values.yaml", Map.of("prometheusRule.enabled", "true")))
                .hasMessageContaining("prometheusRule.runbookUrl is required");
    }

    /**
     * Production alerts (review R23: the rule was off there, so nothing paged): with the site's runbook URL the rule
     * is rendered, labelled for the operator's Prometheus like the ServiceMonitors; without it rendering fails.
     */
    @Test
    void productionRendersTheAlertsWithTheSitesRunbookUrl() {
        HasMetadata rule = Chart.ofKind(Chart.render("values-production.yaml", Map.of()), "PrometheusRule")
                .getFirst();

        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(Chart.SERIALIZATION.asYaml(rule))
                .contains("runbook_url: \"https://git.example.com/accord/accord/-/blob/main/docs/runbook.md#outbox-age\"");
        assertThatThrownBy(() -> Chart.template(List.of(Chart.DIRECTORY.resolve("values-production.yaml")),
                Map.of("components.settlement.requireIssuingEntities", "false")))
                .hasMessageContaining("prometheusRule.runbookUrl is required");
    }

    /**
     * Every alert's expression uses metrics that exist (the services' Micrometer meters, read from the code, or the
     * framework's listed below) and links a section of docs/runbook.md that exists.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertWatchesAMetricTheServicesPublishAndLinksItsRunbookSection() {
        String runbookUrl = "https://git.example.com/accord/docs/runbook.md";
        HasMetadata rule = Chart.ofKind(Chart.render("values-production.yaml", Map.of("prometheusRule.enabled",
                "true", "prometheusRule.runbookUrl", runbookUrl)), "PrometheusRule").getFirst();
        Map<String, Object> spec = (Map<String, Object>) Chart.SERIALIZATION.unmarshal(
                Chart.SERIALIZATION.asYaml(rule), Map.class).get("spec");
        List<Map<String, Object>> rules = ((List<Map<String, Object>>) spec.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
        Set<String> published = publishedMetrics();
        Set<String> anchors = runbookAnchors();

        assertThat(rules).extracting(alert -> alert.get("alert")).contains("AccordOutboxBacklog", "AccordOutboxAge",
                "AccordOutboxParked", "AccordKafkaConsumerLag", "AccordRatingUsageLag", "AccordRatingIngestStalled",
                "AccordHubDeliveriesDead", "AccordJobItemsFailing", "AccordHttp5xx");
        for (Map<String, Object> alert : rules) {
            String expr = (String) alert.get("expr");
            Matcher metric = Pattern.compile("([a-z_:][a-z0-9_:]*)\\{").matcher(expr);
            Set<String> used = new TreeSet<>();
            while (metric.find()) {
                used.add(metric.group(1));
            }
            assertThat(used).as("%s: the metrics of %s", alert.get("alert"), expr).isNotEmpty();
            assertThat(published).as(alert.get("alert") + "").containsAll(used);
            String url = (String) ((Map<String, Object>) alert.get("annotations")).get("runbook_url");
            assertThat(url).startsWith(runbookUrl + "#");
            assertThat(anchors).as("docs/runbook.md's sections").contains(url.substring(url.indexOf('#') + 1));
        }
    }

    // ---- helpers

    record Entity(String id, String name, Address address, String taxId, String documentNumberPrefix,
                  BankAccount bankAccount) {
    }

    record Address(String street, String postCode, String city, String country) {
    }

    record BankAccount(String iban, String bic) {
    }

    /**
     * The metric names in Prometheus' form: the Micrometer meters registered in the modules' code (Counter, Gauge,
     * Timer ... {@code builder("accord...")}, or a constant of such a name), with the suffixes Prometheus adds, and
     * the framework's: Spring's {@code http.server.requests} timer and the Kafka client's consumer lag per partition
     * (Micrometer's KafkaClientMetrics, which Spring Kafka's consumer factories register).
     */
    private static Set<String> publishedMetrics() {
        Set<String> metrics = new TreeSet<>(Set.of("http_server_requests_seconds_count",
                "kafka_consumer_fetch_manager_records_lag", "kafka_consumer_fetch_manager_records_lag_max"));
        Pattern builder = Pattern.compile("builder\\(\\s*(\"(accord\\.[a-z0-9.-]+)\"|([A-Z_]+))");
        for (Path file : sources(List.of("platform-starter", "api-gateway", "partner-onboarding-service",
                "catalog-service", "orchestration-service", "rating-service", "settlement-service",
                "dispute-service", "self-care-portal"), ".java")) {
            String code = Chart.read(file);
            Matcher meter = builder.matcher(code);
            while (meter.find()) {
                String name = meter.group(2);
                if (name == null) {
                    Matcher constant = Pattern.compile("String " + meter.group(3) + " = \"(accord\\.[a-z0-9.-]+)\"")
                            .matcher(code);
                    name = constant.find() ? constant.group(1) : null;
                }
                if (name != null) {
                    String base = name.replaceAll("[.-]", "_");
                    metrics.addAll(List.of(base, base + "_total", base + "_seconds", base + "_seconds_count",
                            base + "_seconds_sum", base + "_seconds_max"));
                }
            }
        }
        return metrics;
    }

    private static Set<String> runbookAnchors() {
        Set<String> anchors = new TreeSet<>();
        for (String line : Chart.read(Chart.ROOT.resolve("docs/runbook.md")).lines().toList()) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").trim().replace(' ', '-'));
            }
        }
        return anchors;
    }

    /**
     * The request body size limits the modules configure: every {@code max...Size} DataSize default in their code and
     * every {@code max-...-size} in their application*.yml, by where it is.
     */
    private static Map<String, Long> sizeLimits(List<String> modules) {
        Map<String, Long> limits = new LinkedHashMap<>();
        Pattern code = Pattern.compile("@DefaultValue\\(\"(\\d+[KMGT]?B)\"\\)(?:\\s+@\\w+(?:\\([^)]*\\))?)*"
                + "\\s+DataSize\\s+(max\\w*Size)\\b");
        Pattern yaml = Pattern.compile("(?m)^\\s*(max-[a-z-]*size):\\s*(\\d+[KMGT]?B)\\s*$");
        for (Path file : sources(modules, ".java")) {
            Matcher limit = code.matcher(Chart.read(file));
            while (limit.find()) {
                limits.put(Chart.ROOT.relativize(file) + " " + limit.group(2), DataSize.parse(limit.group(1)).toBytes());
            }
        }
        for (Path file : sources(modules, ".yml")) {
            Matcher limit = yaml.matcher(Chart.read(file));
            while (limit.find()) {
                limits.put(Chart.ROOT.relativize(file) + " " + limit.group(1), DataSize.parse(limit.group(2)).toBytes());
            }
        }
        return limits;
    }

    private static List<Path> sources(List<String> modules, String suffix) {
        return modules.stream().flatMap(module -> {
            Path main = Chart.ROOT.resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                return files.filter(file -> file.toString().endsWith(suffix)).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The longest the gateway waits for a backend: its response timeout or its bulk routes' one. */
    private static Duration gatewayResponseTimeout() {
        Matcher response = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\) Duration (response|bulkResponse)\\b")
                .matcher(Chart.read(Chart.ROOT.resolve(
                        "api-gateway/src/main/java/io/accord/gateway/routing/RoutingProperties.java")));
        List<Duration> timeouts = new ArrayList<>();
        while (response.find()) {
            timeouts.add(DurationStyle.detectAndParse(response.group(1)));
        }
        assertThat(timeouts).as("the gateway's response and bulk response timeouts").hasSize(2);
        return Collections.max(timeouts);
    }

    /** nginx's size syntax: a number with an optional k, m or g (binary units). */
    private static long nginxBytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size);
        assertThat(matcher.matches()).as("an nginx size: %s", size).isTrue();
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> number << 10;
            case "m" -> number << 20;
            case "g" -> number << 30;
            default -> number;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, child, into));
        } else if (value instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                flatten(prefix + "[" + index + "]", list.get(index), into);
            }
        } else if (value != null) {
            into.put(prefix, value.toString());
        }
        return into;
    }

    private static <T extends HasMetadata> T named(List<T> resources, String name) {
        return resources.stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
