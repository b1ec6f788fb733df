package io.accord.platform.partner;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.platform.StarterTestApplication;
import io.accord.platform.inbox.Inbox;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The partner view tells the service's features of an applied status change, in the consuming transaction, and
 * only of one that changed the view. The Kafka side (delivery, dead letters) is tested where a broker runs: in the
 * services consuming partner events. Here the listener is fed records directly, against the real PostgreSQL.
 */
@StarterTestApplication.Test
class PartnerViewStatusChangeTests {

    private static final String CONSUMER = "platform-starter.partner-view";

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final List<Seen> seen = new ArrayList<>();
    private RuntimeException failure;

    /** What a feature listening to the change saw when it was told. */
    record Seen(PartnerViewStatusChanged change, boolean inTransaction, String statusInTheView) {
    }

    PartnerViewStatusChangeTests(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @BeforeEach
    void table() {
        // services own this table (see PartnerView); the starter's test database gets it here
        jdbc.sql("""
                create table if not exists partner_view (id uuid primary key, legal_name varchar(200),
                    status varchar(20) not null, updated_at timestamptz not null, sequence bigint)""").update();
        jdbc.sql("alter table partner_view add column if not exists business_model varchar(20)").update();
    }

    @Test
    void theViewKeepsTheBusinessModelItsActivationAnnounced() {
        UUID id = UUID.randomUUID();
        PartnerView view = new PartnerView(jdbc);
        assertThat(view.businessModel(id)).isEmpty();

        listener().on(List.of(activated(id, 1L)));

        assertThat(view.businessModel(id)).contains("RESELL");
    }

    @Test
    void anAppliedStatusChangeIsPublishedInTheConsumingTransactionAfterTheViewChanged() {
        PartnerViewListener listener = listener();
        UUID id = UUID.randomUUID();
        listener.on(List.of(activated(id, 1L)));
        assertThat(seen).as("an activation is no status change").isEmpty();

        listener.on(List.of(statusChanged(id, "SUSPENDED", 2L, UUID.randomUUID().toString())));

        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().change().partnerId()).isEqualTo(id);
        assertThat(seen.getFirst().change().status()).isEqualTo("SUSPENDED");
        assertThat(seen.getFirst().inTransaction()).isTrue();
        assertThat(seen.getFirst().statusInTheView()).isEqualTo("SUSPENDED");
    }

    @Test
    void aDuplicateAStaleOrAnEarlyStatusChangeIsNotPublished() {
        PartnerViewListener listener = listener();
        UUID id = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        listener.on(List.of(activated(id, 1L)));
        String terminated = UUID.randomUUID().toString();
        listener.on(List.of(statusChanged(id, "TERMINATED", 3L, terminated)));
        seen.clear();

        listener.on(List.of(statusChanged(id, "TERMINATED", 3L, terminated)));
        listener.on(List.of(statusChanged(id, "SUSPENDED", 2L, UUID.randomUUID().toString())));
        listener.on(List.of(statusChanged(early, "SUSPENDED", 5L, UUID.randomUUID().toString())));

        assertThat(seen).isEmpty();
        assertThat(status(id)).isEqualTo("TERMINATED");
        assertThat(status(early)).as("kept as a placeholder for the activation").isEqualTo("SUSPENDED");
    }

    @Test
    void aFeatureFailingOnTheChangeRollsBackTheViewAndTheInboxSoTheRetryAppliesItAgain() {
        PartnerViewListener listener = listener();
        UUID id = UUID.randomUUID();
        listener.on(List.of(activated(id, 1L)));
        String eventId = UUID.randomUUID().toString();
        failure = new IllegalStateException("the feature's own write failed");

        assertThatThrownBy(() -> listener.on(List.of(statusChanged(id, "TERMINATED", 2L, eventId))))
                .isInstanceOf(BatchListenerFailedException.class).cause().isSameAs(failure);
        assertThat(status(id)).isEqualTo("ACTIVE");

        failure = null;
        seen.clear();
        listener.on(List.of(statusChanged(id, "TERMINATED", 2L, eventId)));
        assertThat(status(id)).isEqualTo("TERMINATED");
        assertThat(seen).hasSize(1);
    }

    private PartnerViewListener listener() {
        ApplicationEventPublisher publisher = event -> {
            if (event instanceof PartnerViewStatusChanged change) {
                seen.add(new Seen(change, TransactionSynchronizationManager.isActualTransactionActive(),
                        status(change.partnerId())));
                if (failure != null) {
                    throw failure;
                }
            }
        };
        return new PartnerViewListener(inbox, new PartnerView(jdbc), CONSUMER, publisher);
    }

    private String status(UUID id) {
        return jdbc.sql("select status from partner_view where id = :id").param("id", id).query(String.class)
                .single();
    }

    private static ConsumerRecord<String, byte[]> activated(UUID id, long sequence) {
        String eventId = UUID.randomUUID().toString();
        return consumed(sequence, TestKafka.cloudEvent(Topics.PARTNER_EVENTS, id.toString(), "PartnerActivated",
                eventId, id.toString(), """
                        {"eventId":"%s","occurredAt":"%s","partnerId":"%s","legalName":"View SA","partnerType":"MVNO",
                         "businessModel":"RESELL","country":"FR","settlementCurrency":"EUR"}
                        """.formatted(eventId, Instant.parse("2026-01-01T00:00:00Z"), id)));
    }

    private static ConsumerRecord<String, byte[]> statusChanged(UUID id, String status, long sequence,
                                                                String eventId) {
        return consumed(sequence, TestKafka.cloudEvent(Topics.PARTNER_EVENTS, id.toString(), "PartnerStatusChanged",
                eventId, id.toString(), """
                        {"eventId":"%s","occurredAt":"%s","partnerId":"%s","previousStatus":"ACTIVE","status":"%s",
                         "reason":"test"}
                        """.formatted(eventId, Instant.parse("2026-01-02T00:00:00Z"), id, status)));
    }

    private static ConsumerRecord<String, byte[]> consumed(long sequence, ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        record.headers().add(CloudEventHeaders.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
