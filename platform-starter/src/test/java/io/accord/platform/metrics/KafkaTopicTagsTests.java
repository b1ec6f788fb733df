package io.accord.platform.metrics;

import io.accord.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka client's per-topic metrics keep one series per topic: the deprecated underscore twin is dropped. */
class KafkaTopicTagsTests {

    @Test
    void theConsumerLagOfATopicIsOneSeriesTaggedWithTheTopicsRealName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaTopicTags());

        for (String topic : new String[] {"order.events.v1", "order_events_v1"}) {
            Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 42).tag("topic", topic)
                    .tag("partition", "0").register(registry);
        }

        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").gauges())
                .extracting(gauge -> gauge.getId().getTag("topic")).containsExactly("order.events.v1");
    }

    @Test
    void leavesOtherMetersAndTopicTagsAlone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaTopicTags());

        registry.counter("accord.inbox.dead.letters", "topic", "order_events_v1");
        registry.counter("kafka.consumer.fetch.manager.records.consumed", "client_id", "consumer_1");

        assertThat(registry.getMeters()).hasSize(2);
    }

    /** The rule relies on it: a topic of Accord's without a period would lose its metrics. */
    @Test
    void everyAccordTopicHasAPeriodSoNoneIsTakenForATwin() {
        assertThat(Topics.allWithDeadLetters()).isNotEmpty()
                .noneMatch(KafkaTopicTags::isDeprecatedTwin).allMatch(topic -> topic.contains("."));
    }
}
