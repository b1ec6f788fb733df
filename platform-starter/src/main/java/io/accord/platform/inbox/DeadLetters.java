package io.accord.platform.inbox;

import io.accord.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Publishes a record the listener gave up on to {@code <topic>.DLT} and counts it in
 * {@value #METER}: tagged with the topic it came from, the consumer group and the class of the exception that
 * failed it (all bounded: no key, partition or message), so on-call can alert on any increase; and logs it once at
 * ERROR with what on-call needs to find the record (topic, partition, offset, key, group, the failure), never the
 * payload (it may carry personal data).
 */
class DeadLetters extends DeadLetterPublishingRecoverer {

    static final String METER = "accord.inbox.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry meters;

    DeadLetters(KafkaOperations<?, ?> template, MeterRegistry meters) {
        super(template, (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        this.meters = meters;
    }

    /** Counted once the record is on the DLT: a failed publish throws and is retried by the error handler. */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        String group = KafkaUtils.getConsumerGroupId();
        Throwable cause = cause(exception);
        log.error("Dead-lettered record {}-{}@{} (key {}) of consumer group {} to {} after {}: {}", record.topic(),
                record.partition(), record.offset(), record.key(), group, Topics.deadLetter(record.topic()),
                cause.getClass().getName(), cause.getMessage());
        Counter.builder(METER)
                .description("Records sent to the dead-letter topic after the listener gave up on them")
                .tag("topic", record.topic())
                .tag("group", group == null ? "none" : group)
                .tag("exception", cause.getClass().getSimpleName())
                .register(meters)
                .increment();
    }

    /** The listener's own exception, not the container's wrappers around it. */
    static Throwable cause(Throwable exception) {
        Throwable cause = exception;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
