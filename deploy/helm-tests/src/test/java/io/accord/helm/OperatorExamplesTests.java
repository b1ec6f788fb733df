package io.accord.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.accord.contracts.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** deploy/helm/examples: the operators' resources fit the chart and the code they serve. */
class OperatorExamplesTests {

    @Test
    void strimziDeclaresEveryTopicAndDeadLetterTopicOfTheSharedContracts() {
        List<GenericKubernetesResource> topics = Chart.ofKind(examples("kafka.yaml"), "KafkaTopic").stream()
                .map(GenericKubernetesResource.class::cast).toList();

        assertThat(topics).extracting(topic -> (String) spec(topic).get("topicName"))
                .containsExactlyInAnyOrderElementsOf(Topics.allWithDeadLetters());
        for (GenericKubernetesResource topic : topics) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "accord-kafka");
            assertThat((Integer) spec(topic).get("replicas")).isGreaterThanOrEqualTo(3);
        }
        // rating scales out to as many replicas as usage.raw.v1 has partitions (values-production.yaml)
        int usagePartitions = topics.stream().filter(topic -> Topics.USAGE_RAW.equals(spec(topic).get("topicName")))
                .map(topic -> (Integer) spec(topic).get("partitions")).findFirst().orElseThrow();
        assertThat(usagePartitions).isGreaterThanOrEqualTo(ratingMaxReplicasInProduction());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkasUnauthenticatedListenerIsReachableOnlyFromAccordsPodsAndKeda() {
        GenericKubernetesResource kafka = (GenericKubernetesResource) Chart.ofKind(examples("kafka.yaml"), "Kafka")
                .getFirst();
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) ((Map<String, Object>) spec(kafka)
                .get("kafka")).get("listeners");
        Map<String, String> podLabels = Chart.ofType(Chart.render("values-production.yaml", Map.of()),
                Deployment.class).getFirst().getSpec().getTemplate().getMetadata().getLabels();

        for (Map<String, Object> listener : listeners) {
            if (Boolean.TRUE.equals(listener.get("tls")) && listener.get("authentication") != null) {
                continue;
            }
            List<Map<String, Object>> peers = (List<Map<String, Object>>) listener.get("networkPolicyPeers");
            assertThat(peers).as("listener %s has no authentication: it needs peers", listener.get("name"))
                    .isNotEmpty();
            assertThat(peers).anySatisfy(peer -> assertThat(podLabels).containsAllEntriesOf(
                    (Map<String, String>) ((Map<String, Object>) peer.get("podSelector")).get("matchLabels")));
            assertThat(peers).anySatisfy(peer -> assertThat(peer.get("namespaceSelector")).asString()
                    .contains("keda"));
        }
    }

    @Test
    void cloudNativePgHasOneDatabasePerServiceOwnedByItsOwnerRoleAndTheRuntimeRole() {
        List<HasMetadata> postgres = examples("postgres.yaml");
        Map<String, Object> cluster = spec((GenericKubernetesResource) Chart.ofKind(postgres, "Cluster").getFirst());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) cluster.get("managed"))
                .get("roles");
        Map<String, String> roleSecrets = roles.stream().collect(Collectors.toMap(role -> (String) role.get("name"),
                role -> (String) ((Map<?, ?>) role.get("passwordSecret")).get("name")));
        Map<String, String> databaseOwners = Chart.ofKind(postgres, "Database").stream()
                .map(GenericKubernetesResource.class::cast)
                .collect(Collectors.toMap(db -> (String) spec(db).get("name"), db -> (String) spec(db).get("owner")));

        for (Map.Entry<String, Map<String, Object>> component : services().entrySet()) {
            Map<?, ?> database = (Map<?, ?>) component.getValue().get("database");
            String name = (String) database.get("name");
            // the launcher's names (io.accord.infra.DatabaseRoles): <db>_owner migrates, <db>_app runs
            assertThat(databaseOwners).containsEntry(name, name + "_owner");
            assertThat(roleSecrets).containsEntry(name + "_owner", (String) database.get("ownerSecret"))
                    .containsEntry(name + "_app", (String) database.get("appSecret"));
        }
    }

    @Test
    void keycloakImportsTheRealmExportUnchangedWithItsClientSecretsFromASecret() {
        GenericKubernetesResource realmImport = (GenericKubernetesResource) Chart.ofKind(examples("keycloak.yaml"),
                "KeycloakRealmImport").getFirst();

        Map<String, Object> realmFile = Chart.yaml(Chart.ROOT.resolve("deploy/keycloak/accord-realm.json"));
        assertThat(spec(realmImport).get("realm"))
                .as("keycloak.yaml's realm must equal deploy/keycloak/accord-realm.json:"
                        + " run deploy/helm/examples/update-keycloak-realm.sh")
                .isEqualTo(realmFile);
        Set<String> variables = new HashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{(ACCORD_[A-Z_]+):").matcher(Chart.read(
                Chart.ROOT.resolve("deploy/keycloak/accord-realm.json")));
        while (placeholder.find()) {
            variables.add(placeholder.group(1));
        }
        assertThat(variables).isNotEmpty();
        assertThat(((Map<?, ?>) spec(realmImport).get("placeholders")).keySet())
                .as("every secret the realm reads from the environment comes from a Secret").isEqualTo(variables);
    }

    @Test
    void theDevelopmentSecretsHoldEveryKeyTheChartReferences() {
        Map<String, Set<String>> secrets = Chart.ofType(examples("dev-secrets.yaml"), Secret.class).stream()
                .collect(Collectors.toMap(secret -> secret.getMetadata().getName(),
                        secret -> secret.getStringData().keySet()));

        for (String valuesFile : Chart.VALUES_FILES) {
            for (Deployment deployment : Chart.ofType(Chart.render(valuesFile, Map.of()), Deployment.class)) {
                var env = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
                for (var variable : env == null ? List.<io.fabric8.kubernetes.api.model.EnvVar>of() : env) {
                    var reference = variable.getValueFrom().getSecretKeyRef();
                    assertThat(secrets).as("%s: %s", valuesFile, variable.getName())
                            .containsKey(reference.getName());
                    assertThat(secrets.get(reference.getName())).contains(reference.getKey());
                }
            }
        }
    }

    private static List<HasMetadata> examples(String file) {
        return Chart.parse(Chart.read(Chart.EXAMPLES.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) Chart
                .yaml(Chart.DIRECTORY.resolve("values.yaml")).get("components");
        return components.entrySet().stream().filter(entry -> entry.getValue().containsKey("database"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @SuppressWarnings("unchecked")
    private static int ratingMaxReplicasInProduction() {
        Map<String, Object> production = Chart.yaml(Chart.DIRECTORY.resolve("values-production.yaml"));
        Map<String, Object> rating = (Map<String, Object>) ((Map<String, Object>) production.get("components"))
                .get("rating");
        return (Integer) ((Map<String, Object>) rating.get("autoscaling")).get("maxReplicas");
    }
}
