package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.rating.engine.RatingSnapshot;
import io.accord.rating.model.RatingModel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline rates against the model feature's {@link RatingModel}. Before the first batch it waits until the
 * read models' listeners have consumed their topics up to where they ended when the wait began (their consumer
 * group's committed offsets, which a listener commits after its changes), and then until the snapshot holds those
 * changes: on a fresh deployment usage already waiting on the raw topic is then rated against the products, prices
 * and agreements already published, not suspended for want of them.
 */
@Configuration(proxyBeanMethods = false)
class ModelSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ModelSnapshots.class);
    private static final List<String> MODEL_TOPICS = List.of(Topics.CATALOG_EVENTS, Topics.ORDER_EVENTS,
            Topics.PARTNER_EVENTS);

    @Bean
    RatingSnapshots ratingSnapshots(RatingModel model, Admin usageTopicAdmin, ConsumerFactory<?, ?> consumers) {
        Object group = consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        return new RatingSnapshots() {
            @Override
            public RatingSnapshot current() {
                return model.snapshot();
            }

            @Override
            public boolean awaitCurrent(Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                boolean consumed = group == null || awaitConsumed(usageTopicAdmin, group.toString(), deadline);
                return model.awaitCurrent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))
                        && consumed;
            }
        };
    }

    /** Until the group's committed offsets reach the model topics' end offsets of now; false at the deadline. */
    static boolean awaitConsumed(Admin admin, String group, long deadline) {
        Map<TopicPartition, Long> ends;
        Map<TopicPartition, Long> starts;
        try {
            List<TopicPartition> partitions = admin.describeTopics(MODEL_TOPICS).allTopicNames()
                    .get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(info -> new TopicPartition(topic.name(), info.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(partition -> {
                latest.put(partition, OffsetSpec.latest());
                earliest.put(partition, OffsetSpec.earliest());
            });
            ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            starts = new HashMap<>();
            admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> starts.put(partition, info.offset()));
        } catch (Exception unavailable) {
            log.warn("Cannot read the read model topics' end offsets: {}", unavailable.toString());
            return false;
        }
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    long position = at != null ? at.offset() : starts.getOrDefault(end.getKey(), 0L);
                    behind += Math.max(0, end.getValue() - position);
                }
                if (behind == 0) {
                    return true;
                }
                log.info("Waiting for the read models: {} events of their topics not consumed yet", behind);
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception unavailable) {
                log.warn("Cannot read the read models' consumer offsets: {}", unavailable.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
