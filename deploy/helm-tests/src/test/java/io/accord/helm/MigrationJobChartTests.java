package io.accord.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The services' migrations in a Job before the rollout (migrations.job): a Helm hook per service running its own
 * image in migrate-only mode with the Deployment's settings and credentials, the replicas then validating only.
 */
class MigrationJobChartTests {

    static final String MODE = "ACCORD_PLATFORM_MIGRATIONS_MODE";

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-dev.yaml"})
    void withoutTheJobEachServiceMigratesAtStartAsBefore(String valuesFile) {
        List<HasMetadata> resources = Chart.renderWithHooks(valuesFile, Map.of());

        assertThat(Chart.ofType(resources, Job.class)).isEmpty();
        assertThat(Chart.ofType(resources, ConfigMap.class)).allSatisfy(map -> assertThat(map.getData())
                .doesNotContainKey(MODE));
        assertThat(serviceDeployments(resources)).hasSize(6).allSatisfy(deployment -> assertThat(names(env(
                container(deployment)))).contains("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD"));
    }

    @Test
    void productionMigratesEachServiceInAHookJobBeforeTheRollout() {
        List<HasMetadata> resources = Chart.renderWithHooks("values-production.yaml", Map.of());
        Map<String, Job> jobs = Chart.ofType(resources, Job.class).stream().collect(Collectors.toMap(
                job -> job.getMetadata().getName(), job -> job));

        assertThat(Chart.ofType(Chart.render("values-production.yaml", Map.of()), Job.class))
                .as("hooks, not resources of the release").isEmpty();
        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(ChartRenderingTests.SERVICES.stream()
                .map(service -> "accord-" + service + "-migrations").toList());
        for (Deployment deployment : serviceDeployments(resources)) {
            String name = deployment.getMetadata().getName();
            Job job = jobs.get(name + "-migrations");
            assertThat(job.getMetadata().getAnnotations())
                    .containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                    .containsEntry("helm.sh/hook-weight", "-5")
                    .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
            assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
            assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
            var pod = job.getSpec().getTemplate().getSpec();
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            Container migration = pod.getContainers().getFirst();
            Container service = container(deployment);
            // the service's own image and entrypoint, in migrate-only mode
            assertThat(migration.getImage()).isEqualTo(service.getImage());
            assertThat(migration.getCommand()).isNullOrEmpty();
            assertThat(migration.getArgs()).isNullOrEmpty();
            assertThat(migration.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(migration.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath())
                    .isEqualTo("/tmp"));
            assertThat(migration.getResources().getLimits()).containsKey("memory");
            // the component's settings as plain values (its ConfigMap may not exist yet or still hold the old ones)
            Map<String, String> settings = configMap(resources, name).getData();
            Map<String, String> plain = env(migration).stream().filter(variable -> variable.getValue() != null)
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertThat(plain).containsEntry(MODE, "migrate-only").containsEntry("SPRING_DATASOURCE_URL",
                    settings.get("SPRING_DATASOURCE_URL"));
            assertThat(plain.keySet()).containsExactlyInAnyOrderElementsOf(settings.keySet());
            assertThat(plain).doesNotContainKeys(ChartRenderingTests.SECRET_VARIABLES.toArray(String[]::new));
            // the Deployment's credentials, from the same Secrets, and the owner's
            assertThat(secretRefs(migration)).containsAllEntriesOf(secretRefs(service))
                    .containsEntry("SPRING_FLYWAY_USER", "accord-db-" + database(name) + "-owner/username")
                    .containsEntry("SPRING_FLYWAY_PASSWORD", "accord-db-" + database(name) + "-owner/password");
            // the replicas validate only, without DDL rights
            assertThat(settings).containsEntry(MODE, "validate");
            assertThat(names(env(service))).doesNotContain("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
            // never a backend of the service's Service
            Map<String, String> selector = service(resources, name).getSpec().getSelector();
            assertThat(job.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(
                    selector.entrySet())).as("%s's selector picks the Job's pod", name).isFalse();
        }
    }

    @Test
    void theJobMountsTheComponentsExtraVolumesAndEnvFromLikeItsPods() {
        List<Job> jobs = Chart.ofType(Chart.renderWithHooks("values.yaml", Map.of(
                "migrations.job.enabled", "true",
                "defaults.extraVolumes[0].name", "truststore",
                "defaults.extraVolumes[0].secret.secretName", "accord-truststore",
                "defaults.extraVolumeMounts[0].name", "truststore",
                "defaults.extraVolumeMounts[0].mountPath", "/etc/accord/truststore",
                "components.settlement.extraEnvFrom[0].secretRef.name", "accord-truststore-password")), Job.class);

        assertThat(jobs).hasSize(6).allSatisfy(job -> {
            var pod = job.getSpec().getTemplate().getSpec();
            assertThat(pod.getVolumes()).filteredOn(volume -> volume.getName().equals("truststore")).singleElement()
                    .satisfies(volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("accord-truststore"));
            assertThat(pod.getContainers().getFirst().getVolumeMounts()).anySatisfy(mount -> assertThat(
                    mount.getMountPath()).isEqualTo("/etc/accord/truststore"));
        });
        assertThat(jobs).filteredOn(job -> job.getMetadata().getName().equals("accord-settlement-migrations"))
                .singleElement().satisfies(job -> assertThat(job.getSpec().getTemplate().getSpec().getContainers()
                        .getFirst().getEnvFrom()).singleElement().satisfies(from -> assertThat(from.getSecretRef()
                        .getName()).isEqualTo("accord-truststore-password")));
    }

    private static List<Deployment> serviceDeployments(List<HasMetadata> resources) {
        return Chart.ofType(resources, Deployment.class).stream().filter(deployment -> ChartRenderingTests.SERVICES
                .contains(deployment.getMetadata().getLabels().get("app.kubernetes.io/name"))).toList();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static List<EnvVar> env(Container container) {
        return container.getEnv() == null ? List.of() : container.getEnv();
    }

    private static List<String> names(List<EnvVar> env) {
        return env.stream().map(EnvVar::getName).toList();
    }

    /** Each variable from a Secret: secret/key. */
    private static Map<String, String> secretRefs(Container container) {
        return env(container).stream().filter(variable -> variable.getValueFrom() != null)
                .collect(Collectors.toMap(EnvVar::getName, variable -> variable.getValueFrom().getSecretKeyRef()
                        .getName() + "/" + variable.getValueFrom().getSecretKeyRef().getKey()));
    }

    private static ConfigMap configMap(List<HasMetadata> resources, String name) {
        return Chart.ofType(resources, ConfigMap.class).stream().filter(map -> map.getMetadata().getName()
                .equals(name)).findFirst().orElseThrow();
    }

    private static Service service(List<HasMetadata> resources, String name) {
        return Chart.ofType(resources, Service.class).stream().filter(service -> service.getMetadata().getName()
                .equals(name)).findFirst().orElseThrow();
    }

    /** The database (and Secret) name of a service's Deployment, accord-partner-onboarding: onboarding. */
    private static String database(String deployment) {
        String service = deployment.substring("accord-".length());
        return service.equals("partner-onboarding") ? "onboarding" : service;
    }
}
