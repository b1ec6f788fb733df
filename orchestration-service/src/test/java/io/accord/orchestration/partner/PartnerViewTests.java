package io.accord.orchestration.partner;

import io.accord.testsupport.PartnerEvents;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orchestration knows partners' status from partner.events.v1 through the starter's order-safe partner view. */
@AccordServiceTest
class PartnerViewTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PartnerView partners;
    private final JdbcClient jdbc;

    PartnerViewTests(PartnerView partners, JdbcClient jdbc) {
        this.partners = partners;
        this.jdbc = jdbc;
    }

    @Test
    void learnsOfActivatedPartnersAndTheirStatusChanges() {
        UUID id = UUID.randomUUID();
        PartnerEvents.activated(id.toString(), "Orchestrated SARL");

        await().atMost(PATIENCE).until(() -> partners.find(id).isPresent());
        assertThat(partners.find(id).orElseThrow().legalName()).isEqualTo("Orchestrated SARL");
        assertThat(partners.find(id).orElseThrow().isActive()).isTrue();

        PartnerEvents.statusChanged(id.toString(), "ACTIVE", "SUSPENDED");
        await().atMost(PATIENCE).until(() -> "SUSPENDED".equals(partners.find(id).orElseThrow().status()));
        assertThat(partners.find(id).orElseThrow().isActive()).isFalse();
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        UUID id = UUID.randomUUID();
        String activation = PartnerEvents.activated(id.toString(), "Twice Delivered BV");
        await().atMost(PATIENCE).until(() -> partners.find(id).isPresent());
        PartnerEvents.statusChanged(id.toString(), "ACTIVE", "SUSPENDED");
        await().atMost(PATIENCE).until(() -> "SUSPENDED".equals(partners.find(id).orElseThrow().status()));

        // the same activation again: applying it twice would make the partner ACTIVE again
        PartnerEvents.activated(id.toString(), "Twice Delivered BV", activation);
        UUID marker = UUID.randomUUID();
        PartnerEvents.activated(marker.toString(), "Marker NV");
        await().atMost(PATIENCE).until(() -> partners.find(marker).isPresent());

        assertThat(partners.find(id).orElseThrow().status()).isEqualTo("SUSPENDED");
    }

    @Test
    void aStatusChangeThatOvertakesTheActivationIsKeptAndTheActivationCompletesThePartner() {
        UUID id = UUID.randomUUID();
        PartnerEvents.statusChanged(id.toString(), "ACTIVE", "SUSPENDED", 2L);

        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from partner_view where id = :id")
                .param("id", id).query(Long.class).single() == 1L);
        assertThat(partners.find(id)).as("a placeholder is not a known partner yet").isEmpty();

        PartnerEvents.activated(id.toString(), "Late Activation GmbH", UUID.randomUUID().toString(), 1L);
        await().atMost(PATIENCE).until(() -> partners.find(id).isPresent());
        PartnerStatus partner = partners.find(id).orElseThrow();
        assertThat(partner.legalName()).isEqualTo("Late Activation GmbH");
        assertThat(partner.status()).isEqualTo("SUSPENDED");
    }

    @Test
    void aStaleEventDeliveredAfterANewerOneChangesNothing() {
        UUID id = UUID.randomUUID();
        PartnerEvents.activated(id.toString(), "Stale Events SA", UUID.randomUUID().toString(), 1L);
        PartnerEvents.statusChanged(id.toString(), "ACTIVE", "TERMINATED", 3L);
        String stale = PartnerEvents.statusChanged(id.toString(), "ACTIVE", "SUSPENDED", 2L);

        await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "select count(*) from inbox_event where event_id = cast(:id as uuid) "
                                + "and consumer = 'orchestration.partner-view'")
                .param("id", stale).query(Long.class).single() == 1L);
        assertThat(partners.find(id).orElseThrow().status()).isEqualTo("TERMINATED");
    }
}
