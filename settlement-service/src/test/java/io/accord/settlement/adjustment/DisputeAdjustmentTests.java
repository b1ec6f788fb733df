package io.accord.settlement.adjustment;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.DomainEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DisputeResolved adjustments become pending once per adjustment; rejections move nothing; bad ones go to the DLT. */
@AccordServiceTest
class DisputeAdjustmentTests {

    private static final String ADJUSTMENTS = "/api/settlement/adjustments";

    @LocalServerPort
    int port;

    private final DisputeAdjustments adjustments;

    DisputeAdjustmentTests(DisputeAdjustments adjustments) {
        this.adjustments = adjustments;
    }

    @Test
    void anAdjustmentIsPendingOnceForItsPartnerAndARejectionAddsNothing() {
        UUID partner = UUID.randomUUID();
        String dispute = "dsp-" + UUID.randomUUID();
        DomainEvents.send(Topics.DISPUTE_EVENTS, new DisputeResolved(UUID.randomUUID(), Instant.now(),
                "dsp-" + UUID.randomUUID(), partner.toString(), "REJECTED", "fiona", Instant.now(), "no error",
                null), null);
        DisputeResolved accepted = resolved(dispute, partner.toString(), "adj-" + UUID.randomUUID(), "125.400000");
        DomainEvents.send(Topics.DISPUTE_EVENTS, accepted, null);
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner.toString(),
                accepted.adjustment().adjustmentId(), "125.400000"), null);
        DisputeResolved second = resolved("dsp-" + UUID.randomUUID(), partner.toString(), "adj-" + UUID.randomUUID(),
                "1");

        DomainEvents.send(Topics.DISPUTE_EVENTS, second, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> adjustments.ofPartner(partner).size() == 2);
        assertThat(adjustments.ofPartner(partner)).filteredOn(adjustment -> adjustment.disputeId().equals(dispute))
                .singleElement().satisfies(adjustment -> {
                    assertThat(adjustment.pending()).isTrue();
                    assertThat(adjustment.amount()).isEqualByComparingTo("125.4");
                    assertThat(adjustment.signedAmount().amount()).isEqualByComparingTo("-125.4");
                    assertThat(adjustment.direction()).isEqualTo("DEBIT_PARTNER");
                    assertThat(adjustment.reason()).isEqualTo("over-billed roaming");
                });
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pat", partner.toString(), Roles.PARTNER_USER));
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("olga", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(finance.get(ADJUSTMENTS + "?partnerId=" + partner).json().findValuesAsString("disputeId"))
                .hasSize(2).contains(dispute);
        assertThat(own.get(ADJUSTMENTS).json().size()).isEqualTo(2);
        // decimal strings at least at the currency's minor unit, as settlement's other answers (were 125.4 and 1)
        JsonNode listed = finance.get(ADJUSTMENTS + "?partnerId=" + partner).json();
        assertThat(listed.valueStream().map(adjustment -> adjustment.path("amount")))
                .allSatisfy(amount -> assertThat(amount.isString()).as(amount.toString()).isTrue());
        assertThat(listed.valueStream().map(adjustment -> adjustment.path("amount").asString()))
                .containsExactlyInAnyOrder("125.40", "1.00");
        // who resolved it is one of our users: staff see the name, the partner does not
        assertThat(listed.valueStream().map(adjustment -> adjustment.path("resolvedBy").asString()))
                .containsOnly("fiona");
        assertThat(own.get(ADJUSTMENTS).json().valueStream()
                .map(adjustment -> adjustment.path("resolvedBy").isNull())).containsOnly(true);
        TestHttp.Response secondPage = finance.get(ADJUSTMENTS + "?partnerId=" + partner + "&offset=1&limit=1");
        assertThat(secondPage.json().findValuesAsString("disputeId")).singleElement()
                .isEqualTo(finance.get(ADJUSTMENTS + "?partnerId=" + partner).json().get(1).path("disputeId")
                        .asString());
        assertThat(secondPage.header("X-Total-Count")).isEqualTo("2");
        assertThat(finance.get(ADJUSTMENTS + "?partnerId=" + partner + "&limit=0").status()).isEqualTo(400);
        assertThat(other.get(ADJUSTMENTS + "?partnerId=" + partner).json().size()).isZero();
        TestHttp.Response missing = finance.get(ADJUSTMENTS);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("partnerId");
        assertThat(finance.get(ADJUSTMENTS + "?partnerId=nope").status()).isEqualTo(400);
    }

    @Test
    void anAdjustmentWithoutAValidAmountGoesToTheDeadLetterTopicAndIsNotKept() {
        UUID partner = UUID.randomUUID();
        String dispute = "dsp-bad-" + UUID.randomUUID();

        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner.toString(), "adj-" + UUID.randomUUID(),
                "-5"), null);

        TestKafka.awaitRecords(Topics.deadLetter(Topics.DISPUTE_EVENTS), record -> dispute.equals(record.key()), 1,
                Duration.ofSeconds(90));
        assertThat(adjustments.ofPartner(partner)).isEmpty();
    }

    private static DisputeResolved resolved(String disputeId, String partner, String adjustmentId, String amount) {
        return new DisputeResolved(UUID.randomUUID(), Instant.now(), disputeId, partner, "PARTIALLY_ACCEPTED",
                "fiona", Instant.now(), "over-billed roaming", new DisputeResolved.Adjustment(adjustmentId, null, null,
                amount, "EUR", "DEBIT_PARTNER", "over-billed roaming"));
    }
}
