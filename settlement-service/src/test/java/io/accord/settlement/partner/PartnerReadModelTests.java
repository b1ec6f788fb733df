package io.accord.settlement.partner;

import io.accord.contracts.Topics;
import io.accord.settlement.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agreements in force and the legal data, from partner.events.v1 in any order, each event once. */
@AccordServiceTest
class PartnerReadModelTests {

    private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    private final PartnerTerms partners;

    PartnerReadModelTests(PartnerTerms partners) {
        this.partners = partners;
    }

    @Test
    void keepsEachAgreementVersionWithItsValidityAndFullTerms() {
        String partnerId = UUID.randomUUID().toString();
        UUID partner = UUID.fromString(partnerId);
        SettlementFixtures.agreementActivated(partnerId, "agr-v1-" + partnerId, 1, JANUARY, "MONTHLY", 1L);
        SettlementFixtures.agreementSuperseded(partnerId, "agr-v1-" + partnerId, APRIL, 2L);
        SettlementFixtures.agreementActivated(partnerId, "agr-v2-" + partnerId, 2, APRIL, "QUARTERLY", 3L);

        await().atMost(Duration.ofSeconds(30)).until(() -> partners.agreements(partner).size() == 2
                && partners.agreements(partner).getFirst().inForceUntil() != null);

        PartnerTerms.Agreement march = partners.agreementInForce(partner, Instant.parse("2026-03-31T23:59:59Z"))
                .orElseThrow();
        assertThat(march.agreementId()).isEqualTo("agr-v1-" + partnerId);
        assertThat(march.settlementCycle()).isEqualTo("MONTHLY");
        assertThat(march.inForceUntil()).isEqualTo(APRIL);
        PartnerTerms.Agreement may = partners.agreementInForce(partner, Instant.parse("2026-05-01T00:00:00Z"))
                .orElseThrow();
        assertThat(may.version()).isEqualTo(2);
        assertThat(may.settlementCycle()).isEqualTo("QUARTERLY");
        assertThat(may.businessModel()).isEqualTo("SELL_THROUGH");
        assertThat(may.currency()).isEqualTo("EUR");
        assertThat(may.terms().minimumMonthlyGuarantee()).isEqualTo("0");
        assertThat(may.terms().paymentTermsDays()).isEqualTo(30);
        assertThat(may.terms().taxTreatment().ratePercent()).isEqualTo("19");
        assertThat(may.terms().reconciliationTolerance().percent()).isEqualTo("0.5");
        assertThat(may.terms().revenueShares().getFirst().tiers()).hasSize(2);
        assertThat(partners.agreementInForce(partner, Instant.parse("2025-12-31T00:00:00Z"))).isEmpty();
        assertThat(partners.partnersWithAgreementInForce(Instant.parse("2026-05-01T00:00:00Z"))).contains(partner);
    }

    @Test
    void anEndArrivingBeforeItsActivationStillEndsTheAgreement() {
        String partnerId = UUID.randomUUID().toString();
        UUID partner = UUID.fromString(partnerId);
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "AgreementTerminated", partnerId, 2L, """
                {"eventId":"%s","occurredAt":"2026-02-10T00:00:00Z","partnerId":"%s","agreementId":"agr-%s",
                 "version":1,"previousStatus":"ACTIVE","inForceUntil":"2026-02-10T00:00:00Z","reason":"breach"}
                """.formatted(UUID.randomUUID(), partnerId, partnerId));
        SettlementFixtures.agreementActivated(partnerId, "agr-" + partnerId, 1, JANUARY, "MONTHLY", 1L);

        await().atMost(Duration.ofSeconds(30)).until(() -> !partners.agreements(partner).isEmpty());

        PartnerTerms.Agreement agreement = partners.agreements(partner).getFirst();
        assertThat(agreement.inForceUntil()).isEqualTo(Instant.parse("2026-02-10T00:00:00Z"));
        assertThat(agreement.endReason()).isEqualTo("TERMINATED");
        assertThat(partners.agreementInForce(partner, Instant.parse("2026-02-09T00:00:00Z"))).isPresent();
        assertThat(partners.agreementInForce(partner, Instant.parse("2026-02-10T00:00:00Z"))).isEmpty();
    }

    @Test
    void keepsTheLegalDataAndANewerBankAccountThatArrivedFirst() {
        String partnerId = UUID.randomUUID().toString();
        UUID partner = UUID.fromString(partnerId);
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerBankAccountConfirmed", partnerId, 4L, """
                {"eventId":"%s","occurredAt":"2026-03-01T10:00:00Z","partnerId":"%s",
                 "iban":"FR7630006000011234567890189","bic":"AGRIFRPPXXX"}
                """.formatted(UUID.randomUUID(), partnerId));
        activated(partnerId, "Northwind Streaming GmbH", 1L);

        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partner)
                .filter(data -> data.legalName() != null).isPresent());

        PartnerTerms.LegalData data = partners.legalData(partner).orElseThrow();
        assertThat(data.legalName()).isEqualTo("Northwind Streaming GmbH");
        assertThat(data.taxId()).isEqualTo("DE136695976");
        assertThat(data.address()).isEqualTo(new PartnerTerms.Address("Friedrichstraße 68", null, "Berlin", "10117",
                "DE"));
        assertThat(data.settlementCurrency()).isEqualTo("EUR");
        assertThat(data.bankAccount().iban()).as("the later confirmation wins over the activation's account")
                .isEqualTo("FR7630006000011234567890189");
        assertThat(data.bankAccount().bic()).isEqualTo("AGRIFRPPXXX");
    }

    @Test
    void acceptsAnActivationWithoutTheLegalDataAndAppliesARedeliveryOnce() {
        String partnerId = UUID.randomUUID().toString();
        UUID partner = UUID.fromString(partnerId);
        String json = """
                {"eventId":"%s","occurredAt":"2026-01-05T00:00:00Z","partnerId":"%s","legalName":"Old Format Ltd",
                 "partnerType":"MVNO","businessModel":"RESELL","country":"GB","settlementCurrency":"GBP"}
                """.formatted(UUID.randomUUID(), partnerId);
        String eventId = SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", partnerId, 1L,
                json);

        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partner).isPresent());
        PartnerTerms.LegalData oldFormat = partners.legalData(partner).orElseThrow();
        assertThat(oldFormat.legalName()).isEqualTo("Old Format Ltd");
        assertThat(oldFormat.taxId()).isNull();
        assertThat(oldFormat.address()).isNull();
        assertThat(oldFormat.bankAccount()).isNull();

        // a redelivery of the same event id (with a higher sequence, had it been applied it would hold off the next)
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", partnerId, 3L, eventId,
                json.replace("Old Format Ltd", "Replayed Name Ltd"));
        activated(partnerId, "Renamed Later Ltd", 2L);

        await().atMost(Duration.ofSeconds(30)).until(() -> "Renamed Later Ltd".equals(
                partners.legalData(partner).orElseThrow().legalName()));
        assertThat(partners.legalData(partner).orElseThrow().businessModel()).isEqualTo("SELL_THROUGH");
    }

    @Test
    void keepsANewerTaxIdChangeOverALateActivationAndIgnoresAnOlderChange() {
        String partnerId = UUID.randomUUID().toString();
        UUID partner = UUID.fromString(partnerId);
        SettlementFixtures.taxIdChanged(partnerId, "ATU13585627", 5L);
        activated(partnerId, "Late Activation GmbH", 1L);
        SettlementFixtures.taxIdChanged(partnerId, "DE111111125", 3L);
        String marker = UUID.randomUUID().toString();
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerBankAccountConfirmed", partnerId, 6L, """
                {"eventId":"%s","occurredAt":"2026-03-01T10:00:00Z","partnerId":"%s",
                 "iban":"FR7630006000011234567890189","bic":"AGRIFRPPXXX"}
                """.formatted(marker, partnerId));

        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partner)
                .filter(data -> data.legalName() != null && data.bankAccount() != null).isPresent());
        PartnerTerms.LegalData data = partners.legalData(partner).orElseThrow();
        assertThat(data.legalName()).isEqualTo("Late Activation GmbH");
        assertThat(data.taxId()).as("the change (sequence 5) wins over the activation (1) and an older change (3)")
                .isEqualTo("ATU13585627");
    }

    @Test
    void keepsAnAccountWithoutIbanByItsAccountNumberAndBankCode() {
        String partnerId = UUID.randomUUID().toString();
        UUID partner = UUID.fromString(partnerId);
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", partnerId, 1L, """
                {"eventId":"%s","occurredAt":"2026-01-02T00:00:00Z","partnerId":"%s","legalName":"Gotham Telecom Inc",
                 "partnerType":"MVNO","businessModel":"RESELL","country":"US","settlementCurrency":"USD",
                 "bankAccount":{"iban":null,"bic":null,"accountNumber":"000123456789","bankCode":"021000021"}}
                """.formatted(UUID.randomUUID(), partnerId));

        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partner)
                .filter(data -> data.bankAccount() != null).isPresent());
        PartnerTerms.BankAccount activated = partners.legalData(partner).orElseThrow().bankAccount();
        assertThat(activated.iban()).isNull();
        assertThat(activated.accountNumber()).isEqualTo("000123456789");
        assertThat(activated.bankCode()).isEqualTo("021000021");

        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerBankAccountConfirmed", partnerId, 2L, """
                {"eventId":"%s","occurredAt":"2026-03-01T10:00:00Z","partnerId":"%s","iban":null,
                 "bic":"CHASUS33","accountNumber":"987654321","bankCode":"026009593"}
                """.formatted(UUID.randomUUID(), partnerId));
        await().atMost(Duration.ofSeconds(30)).until(() -> "987654321".equals(
                partners.legalData(partner).orElseThrow().bankAccount().accountNumber()));
        assertThat(partners.legalData(partner).orElseThrow().bankAccount())
                .isEqualTo(new PartnerTerms.BankAccount(null, "CHASUS33", "987654321", "026009593",
                        Instant.parse("2026-03-01T10:00:00Z")));

        // moving to an IBAN account leaves nothing of the former one
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerBankAccountConfirmed", partnerId, 3L, """
                {"eventId":"%s","occurredAt":"2026-04-01T10:00:00Z","partnerId":"%s",
                 "iban":"DE89370400440532013000","bic":"COBADEFFXXX"}
                """.formatted(UUID.randomUUID(), partnerId));
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partner).orElseThrow().bankAccount()
                .iban() != null);
        assertThat(partners.legalData(partner).orElseThrow().bankAccount())
                .isEqualTo(new PartnerTerms.BankAccount("DE89370400440532013000", "COBADEFFXXX", null, null,
                        Instant.parse("2026-04-01T10:00:00Z")));
    }

    private static void activated(String partnerId, String legalName, long sequence) {
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", partnerId, sequence, """
                {"eventId":"%s","occurredAt":"2026-01-02T00:00:00Z","partnerId":"%s","legalName":"%s",
                 "partnerType":"OTT_CONTENT","businessModel":"SELL_THROUGH","country":"DE",
                 "settlementCurrency":"EUR","taxId":"DE136695976",
                 "address":{"street1":"Friedrichstraße 68","street2":null,"city":"Berlin","postCode":"10117"},
                 "bankAccount":{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}}
                """.formatted(UUID.randomUUID(), partnerId, legalName));
    }
}
