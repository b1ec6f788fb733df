package io.accord.catalog.partner;

import io.accord.testsupport.PartnerEvents;
import io.accord.contracts.Topics;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Catalog's wiring of the starter's {@link PartnerView} (whose order-safety is tested with orchestration's and the
 * starter's tests): on catalog's own {@code partner_view} table, under the inbox consumer name catalog's former
 * read model used, so an event applied before the switch is not applied again on an existing database.
 */
@AccordServiceTest
class CatalogPartnerViewTests {

    private static final String CONSUMER = "catalog.partner-view";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PartnerView partners;
    private final JdbcClient jdbc;

    CatalogPartnerViewTests(PartnerView partners, JdbcClient jdbc) {
        this.partners = partners;
        this.jdbc = jdbc;
    }

    @Test
    void appliesPartnerEventsUnderTheConsumerNameCatalogAlwaysUsed() {
        UUID id = UUID.randomUUID();
        String activation = PartnerEvents.activated(id.toString(), "Read Model SARL");

        await().atMost(PATIENCE).until(() -> partners.find(id).isPresent());
        assertThat(partners.find(id).orElseThrow().legalName()).isEqualTo("Read Model SARL");
        assertThat(jdbc.sql("select consumer from inbox_event where event_id = cast(:id as uuid)")
                .param("id", activation).query(String.class).list())
                .as("the view's consumer, beside the event hub's own (catalog.hub)")
                .containsExactlyInAnyOrder(CONSUMER, "catalog.hub");
    }

    @Test
    void anEventTheFormerReadModelAppliedIsNotAppliedAgain() {
        UUID id = UUID.randomUUID();
        PartnerEvents.activated(id.toString(), "Long Known BV");
        await().atMost(PATIENCE).until(() -> partners.find(id).isPresent());
        // a suspension the former read model applied (its inbox row) before the database moved to the starter's view
        String applied = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into inbox_event (consumer, event_id, event_type, topic)
                        values (:consumer, cast(:id as uuid), 'PartnerStatusChanged', :topic)""")
                .param("consumer", CONSUMER).param("id", applied).param("topic", Topics.PARTNER_EVENTS).update();

        PartnerEvents.statusChanged(id.toString(), "ACTIVE", "SUSPENDED", applied, null);
        UUID marker = UUID.randomUUID();
        PartnerEvents.activated(marker.toString(), "Marker NV");
        await().atMost(PATIENCE).until(() -> partners.find(marker).isPresent());

        assertThat(partners.find(id).orElseThrow().status()).as("redelivered, not re-applied").isEqualTo("ACTIVE");
    }

    @Test
    void sendsAPoisonMessageToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        TestKafka.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, key, "not a cloud event".getBytes()));

        var dead = TestKafka.awaitRecords(Topics.deadLetter(Topics.PARTNER_EVENTS),
                record -> key.equals(record.key()), 1, Duration.ofSeconds(60));

        assertThat(TestKafka.value(dead.getFirst())).isEqualTo("not a cloud event");
    }
}
