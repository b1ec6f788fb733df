package io.accord.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code kafka} health component: whether the broker answers an admin client's {@code describeCluster} within
 * the timeout ({@code accord.platform.health.timeout}), with the cluster id and the number of brokers. DOWN while it
 * does not; in neither the liveness nor the readiness group: the outbox keeps the service's events until the broker
 * is back and the consumers resume where they were, so the service still serves its requests, and a restart would
 * not bring the broker back (docs/runbook.md, "Kafka or Keycloak unreachable"). One admin client, made at the first
 * check and kept, so a check is one request to the broker.
 */
final class KafkaHealth implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminProperties;
    private final Duration timeout;
    private Admin admin;

    KafkaHealth(Map<String, Object> adminProperties, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(adminProperties);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.adminProperties = Map.copyOf(properties);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Object servers = adminProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("bootstrapServers", String.valueOf(servers))
                    .withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return down(servers, interrupted);
        } catch (ExecutionException failed) {
            return down(servers, failed.getCause() == null ? failed : failed.getCause());
        } catch (TimeoutException | RuntimeException failed) {
            return down(servers, failed);
        }
    }

    private Health down(Object servers, Throwable failure) {
        return Health.down().withDetail("bootstrapServers", String.valueOf(servers))
                .withDetail("timeout", timeout.toString()).withException(failure).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
