package io.accord.rating.publish;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.usage.UsageRated;
import io.accord.rating.ingest.RatedJson;
import io.accord.rating.ingest.UsageLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes {@code usage.rated.v1} from the rated table itself: the table is the outbox, a cursor row
 * ({@code usage_publish_cursor}) says up to which sequence number the broker has acknowledged. One pass, in one
 * transaction: lock the cursor row (a replica that cannot, because another one publishes, skips the pass), read the
 * next rows in sequence order, send them all, wait for every acknowledgement, move the cursor. A failure rolls the
 * cursor back and the same rows are sent again: at least once, in sequence order per subscriber (the key).
 * Sequence numbers are taken under a row lock by every writer of the table, so rows become visible in sequence
 * order without gaps and the cursor never passes a row that is not committed yet. The rows this replica's ledger
 * has just committed are usually sent from memory ({@link RecentRated}): only when they directly follow the cursor,
 * so what is sent is still exactly the table's rows after the cursor, in sequence order.
 */
class RatedUsagePublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RatedUsagePublisher.class);
    // the headers every event carries alike, encoded once (the producer only reads header values)
    private static final byte[] SPEC_VERSION = bytes(CloudEventHeaders.SPEC_VERSION_VALUE);
    private static final byte[] TYPE = bytes(UsageRated.TYPE);
    private static final byte[] CONTENT_TYPE = bytes(CloudEventHeaders.JSON);

    private final JdbcClient jdbc;
    private final RatedEvents events;
    private final Producer<String, byte[]> producer;
    private final TransactionTemplate transactions;
    private final PublishProperties properties;
    private final byte[] source;
    private final Counter published;
    private final Counter readBack;
    private final RecentRated recent;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    RatedUsagePublisher(JdbcClient jdbc, JsonMapper json, Producer<String, byte[]> producer,
                        TransactionTemplate transactions, PublishProperties properties, String eventSource,
                        MeterRegistry registry) {
        this.jdbc = jdbc;
        this.events = new RatedEvents(jdbc, json);
        this.recent = new RecentRated(4 * properties.batchSize());
        this.producer = producer;
        this.transactions = transactions;
        this.properties = properties;
        this.source = eventSource.getBytes(StandardCharsets.UTF_8);
        this.published = Counter.builder("accord.rating.publish.records").description("rated records published")
                .register(registry);
        this.readBack = Counter.builder("accord.rating.publish.read-back")
                .description("rated records read back from the table to be published (the others were sent from"
                        + " memory right after their transaction committed)").register(registry);
        Gauge.builder("accord.rating.publish.backlog", this, RatedUsagePublisher::backlog)
                .description("rated records not yet acknowledged by the broker").register(registry);
    }

    /** One pass; answers how many rated records it published (0 when none were due or another replica publishes). */
    int publishOnce() {
        Integer sent = transactions.execute(status -> {
            jdbc.sql("insert into usage_publish_cursor (topic, last_seq) values (:topic, 0) on conflict do nothing")
                    .param("topic", properties.topic()).update();
            Long cursor = jdbc.sql("select last_seq from usage_publish_cursor where topic = :topic"
                            + " for update skip locked").param("topic", properties.topic())
                    .query(Long.class).optional().orElse(null);
            if (cursor == null) {
                return 0;
            }
            List<UsageRated> due = recent.after(cursor, properties.batchSize());
            if (due.isEmpty()) {
                due = events.after(cursor, properties.batchSize());
                readBack.increment(due.size());
            }
            if (due.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(due.size());
            for (UsageRated event : due) {
                acks.add(producer.send(record(event)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", interrupted);
                } catch (Exception failure) {
                    throw new IllegalStateException("the broker did not acknowledge rated usage", failure);
                }
            }
            jdbc.sql("update usage_publish_cursor set last_seq = :seq, updated_at = now() where topic = :topic")
                    .param("seq", due.getLast().sequence()).param("topic", properties.topic()).update();
            return due.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    /**
     * The rated records a ledger transaction of this replica wrote, once it committed: the next pass sends them
     * from memory when they follow the cursor, instead of reading them back.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(UsageLedger.RatedWritten written) {
        if (running) {
            recent.add(written.events());
        }
    }

    private ProducerRecord<String, byte[]> record(UsageRated event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topic(), event.key(),
                RatedJson.bytes(event));
        record.headers().add(CloudEventHeaders.ID, bytes(event.ratedId().toString()))
                .add(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION)
                .add(CloudEventHeaders.TYPE, TYPE)
                .add(CloudEventHeaders.SOURCE, source)
                .add(CloudEventHeaders.TIME, bytes(event.ratedAt().toString()))
                .add(CloudEventHeaders.SEQUENCE, bytes(Long.toString(event.sequence())))
                .add(CloudEventHeaders.CONTENT_TYPE, CONTENT_TYPE);
        if (event.partnerId() != null) {
            record.headers().add(CloudEventHeaders.SUBJECT, bytes(event.partnerId()));
        }
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private double backlog() {
        try {
            return jdbc.sql("""
                            select s.last_seq - coalesce((select last_seq from usage_publish_cursor
                                                          where topic = :topic), 0)
                            from usage_rated_sequence s where s.id = 1""")
                    .param("topic", properties.topic()).query(Long.class).optional().orElse(0L);
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private void run() {
        while (running) {
            try {
                if (publishOnce() == 0) {
                    pause(properties.idleWait().toMillis());
                }
            } catch (RuntimeException failure) {
                log.warn("Publishing rated usage failed; retrying after {}", properties.retryBackoff(), failure);
                pause(properties.retryBackoff().toMillis());
            }
        }
        stopped.countDown();
    }

    private void pause(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("rating-publisher").daemon(true).start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
