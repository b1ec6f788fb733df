package io.accord.platform.inbox;

import io.accord.contracts.CloudEventHeaders;
import io.accord.platform.StarterTestApplication;
import io.accord.platform.web.CorrelationId;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A poll received in one transaction ({@link Inbox#receiveAll}) has the effects of its records received one by one:
 * each new event applied once, in order, with its own correlation id; and a failure names the record for the error
 * handler with the records before it received. Against the real PostgreSQL; the Kafka side (retries, the DLT) is
 * tested in the services.
 */
@StarterTestApplication.Test
class InboxTests {

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final String consumer = "inbox-tests-" + UUID.randomUUID();

    /** What the handler saw of one event: its id, the correlation id in scope, the transaction it ran in. */
    record Applied(String eventId, String correlationId, long transaction) {
    }

    InboxTests(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists inbox_tests_effect (consumer text, event_id text)").update();
    }

    @Test
    void aPollIsAppliedInOrderInOneTransactionEachNewEventOnceWithItsCorrelationId() {
        ConsumerRecord<String, byte[]> seenBefore = event("seen-before");
        inbox.receiveAll(consumer, List.of(seenBefore), recording(new ArrayList<>()));
        ConsumerRecord<String, byte[]> first = event("c-1");
        ConsumerRecord<String, byte[]> second = event("c-2");
        List<Applied> applied = new ArrayList<>();

        int count = inbox.receiveAll(consumer, List.of(first, seenBefore, second, first), recording(applied));

        assertThat(count).isEqualTo(2);
        assertThat(applied).extracting(Applied::eventId).containsExactly(id(first), id(second));
        assertThat(applied).extracting(Applied::correlationId).containsExactly("c-1", "c-2");
        assertThat(applied).extracting(Applied::transaction).containsOnly(applied.getFirst().transaction());
        assertThat(effects()).containsExactly(id(seenBefore), id(first), id(second));
        assertThat(inboxRows()).isEqualTo(3);
    }

    @Test
    void aFailingHandlerNamesItsRecordAfterTheRecordsBeforeItAreReceivedAndChangesNothingOfItsOwn() {
        ConsumerRecord<String, byte[]> first = event("c-1");
        ConsumerRecord<String, byte[]> failing = event("c-2");
        ConsumerRecord<String, byte[]> after = event("c-3");
        RuntimeException failure = new IllegalStateException("the feature's write failed");
        List<Applied> applied = new ArrayList<>();
        Consumer<IncomingEvent> handler = recording(applied).andThen(event -> {
            if (event.id().toString().equals(id(failing))) {
                throw failure;
            }
        });

        assertThatThrownBy(() -> inbox.receiveAll(consumer, List.of(first, failing, after), handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .cause().isSameAs(failure);

        assertThat(effects()).as("the first record again, alone; the failing one rolled back")
                .containsExactly(id(first));
        assertThat(inboxRows()).isEqualTo(1);

        // the error handler's retry from the failed record on
        int count = inbox.receiveAll(consumer, List.of(failing, after), recording(new ArrayList<>()));
        assertThat(count).isEqualTo(2);
        assertThat(effects()).containsExactly(id(first), id(failing), id(after));
    }

    @Test
    void anUnreadableRecordIsNamedAsAPoisonMessageAfterTheRecordsBeforeItAreReceived() {
        ConsumerRecord<String, byte[]> first = event("c-1");
        ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>("inbox.tests", 0, 7L, "key",
                "{}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> after = event("c-3");

        assertThatThrownBy(() -> inbox.receiveAll(consumer, List.of(first, unreadable, after),
                recording(new ArrayList<>())))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasMessageContaining("inbox.tests/0@7")
                .cause().isInstanceOf(PoisonMessageException.class);

        assertThat(effects()).containsExactly(id(first));
    }

    @Test
    void aFailureOfTheFirstRecordReceivesNothing() {
        ConsumerRecord<String, byte[]> failing = event("c-1");
        RuntimeException failure = new IllegalStateException("failed");

        assertThatThrownBy(() -> inbox.receiveAll(consumer, List.of(failing, event("c-2")), event -> {
            throw failure;
        })).isInstanceOfSatisfying(BatchListenerFailedException.class,
                failed -> assertThat(failed.getIndex()).isZero());

        assertThat(effects()).isEmpty();
        assertThat(inboxRows()).isZero();
    }

    @Test
    void aFailureOfTheTransactionItselfNamesTheFirstRecord() {
        // a consumer name longer than the inbox column: the inbox insert fails before any handler runs
        String tooLong = "c".repeat(101);
        List<Applied> applied = new ArrayList<>();

        assertThatThrownBy(() -> inbox.receiveAll(tooLong, List.of(event("c-1"), event("c-2")), recording(applied)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero())
                .cause().isInstanceOf(DataAccessException.class);

        assertThat(applied).isEmpty();
    }

    private Consumer<IncomingEvent> recording(List<Applied> applied) {
        return event -> {
            long transaction = jdbc.sql("select txid_current()").query(Long.class).single();
            applied.add(new Applied(event.id().toString(), CorrelationId.currentOrNull(), transaction));
            jdbc.sql("insert into inbox_tests_effect (consumer, event_id) values (:consumer, :id)")
                    .param("consumer", consumer).param("id", event.id().toString()).update();
        };
    }

    private List<String> effects() {
        return jdbc.sql("select event_id from inbox_tests_effect where consumer = :consumer order by ctid")
                .param("consumer", consumer).query(String.class).list();
    }

    private int inboxRows() {
        return jdbc.sql("select count(*) from inbox_event where consumer = :consumer").param("consumer", consumer)
                .query(Integer.class).single();
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return TestKafka.header(record, CloudEventHeaders.ID);
    }

    private static ConsumerRecord<String, byte[]> event(String correlationId) {
        ProducerRecord<String, byte[]> sent = TestKafka.cloudEvent("inbox.tests", "key", "TestHappened",
                UUID.randomUUID().toString(), "subject", "{\"n\":1}");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        record.headers().add(CloudEventHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
