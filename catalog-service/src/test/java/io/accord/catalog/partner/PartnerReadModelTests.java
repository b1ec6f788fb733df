package io.accord.catalog.partner;

import io.accord.contracts.Topics;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AccordServiceTest
class PartnerReadModelTests {

    private final KnownPartners partners;

    PartnerReadModelTests(KnownPartners partners) {
        this.partners = partners;
    }

    @Test
    void learnsOfActivatedPartnersAndTheirStatusChanges() {
        String id = UUID.randomUUID().toString();
        PartnerEvents.activated(id, "Read Model SARL");

        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id)).isPresent());
        assertThat(partners.find(UUID.fromString(id)).orElseThrow().legalName()).isEqualTo("Read Model SARL");

        PartnerEvents.statusChanged(id, "ACTIVE", "SUSPENDED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "SUSPENDED".equals(partners.find(UUID.fromString(id)).orElseThrow().status()));
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce(@Autowired JdbcClient jdbc) {
        String id = UUID.randomUUID().toString();
        String activation = PartnerEvents.activated(id, "Twice Delivered BV");
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id)).isPresent());
        PartnerEvents.statusChanged(id, "ACTIVE", "SUSPENDED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "SUSPENDED".equals(partners.find(UUID.fromString(id)).orElseThrow().status()));

        // the same activation again: applying it twice would make the partner ACTIVE again
        PartnerEvents.activated(id, "Twice Delivered BV", activation);
        String marker = UUID.randomUUID().toString();
        PartnerEvents.activated(marker, "Marker NV");
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(marker)).isPresent());

        assertThat(partners.find(UUID.fromString(id)).orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = cast(:id as uuid)")
                .param("id", activation).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aStatusChangeThatOvertakesTheActivationIsKeptAndTheActivationCompletesThePartner(
            @Autowired KnownPartnerRepository rows) {
        String id = UUID.randomUUID().toString();
        PartnerEvents.statusChanged(id, "ACTIVE", "SUSPENDED", 2L);

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.findById(UUID.fromString(id)).isPresent());
        assertThat(partners.find(UUID.fromString(id))).as("a placeholder is not a known partner yet").isEmpty();

        PartnerEvents.activated(id, "Late Activation GmbH", UUID.randomUUID().toString(), 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id)).isPresent());
        KnownPartner partner = partners.find(UUID.fromString(id)).orElseThrow();
        assertThat(partner.legalName()).isEqualTo("Late Activation GmbH");
        assertThat(partner.status()).isEqualTo("SUSPENDED");
        assertThat(partner.isActive()).isFalse();
    }

    @Test
    void aStaleEventDeliveredAfterANewerOneChangesNothing(@Autowired JdbcClient jdbc) {
        String id = UUID.randomUUID().toString();
        PartnerEvents.activated(id, "Stale Events SA", UUID.randomUUID().toString(), 1L);
        PartnerEvents.statusChanged(id, "ACTIVE", "TERMINATED", 3L);
        String stale = PartnerEvents.statusChanged(id, "ACTIVE", "SUSPENDED", 2L);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from inbox_event where event_id = cast(:id as uuid)")
                .param("id", stale).query(Long.class).single() == 1L);
        assertThat(partners.find(UUID.fromString(id)).orElseThrow().status()).isEqualTo("TERMINATED");
    }

    @Test
    void sendsAPoisonMessageToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        TestKafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PARTNER_EVENTS, key,
                "not a cloud event".getBytes()));

        var dead = TestKafka.awaitRecords(Topics.deadLetter(Topics.PARTNER_EVENTS),
                record -> key.equals(record.key()), 1, Duration.ofSeconds(60));

        assertThat(TestKafka.value(dead.getFirst())).isEqualTo("not a cloud event");
    }
}
