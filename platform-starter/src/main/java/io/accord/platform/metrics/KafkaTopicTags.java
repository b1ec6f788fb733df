package io.accord.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Drops the Kafka client's deprecated twin of each per-topic metric. For a topic name with periods the client
 * publishes every per-topic metric (consumer lag among them) twice: tagged {@code topic="order.events.v1"} and,
 * deprecated, {@code topic="order_events_v1"}; a sum by topic counted the lag twice and fired its alert twice. Accord's
 * topics all have periods ({@code io.accord.contracts.Topics}), so a topic tag with underscores and no period is
 * always such a twin.
 */
final class KafkaTopicTags implements MeterFilter {

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().startsWith("kafka.") && isDeprecatedTwin(id.getTag("topic"))
                ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    static boolean isDeprecatedTwin(String topic) {
        return topic != null && topic.indexOf('_') >= 0 && topic.indexOf('.') < 0;
    }
}
