package io.accord.settlement;

import io.accord.contracts.events.CorrectionNoteApproved;
import io.accord.contracts.events.CorrectionNoteDrafted;
import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerBankAccountConfirmed;
import io.accord.contracts.events.PaymentRecorded;
import io.accord.contracts.events.ReconciliationCompleted;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.contracts.events.StatementApproved;
import io.accord.contracts.events.StatementDiscarded;
import io.accord.contracts.events.StatementDrafted;
import io.accord.contracts.events.StatementIssued;
import io.accord.contracts.usage.UsageRated;
import io.accord.testsupport.RatedUsageEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement and dispute contracts as JSON, the way the outbox writes them and consumers read them: decimals
 * are strings, keys are the aggregates, every event reads back equal, and a PartnerActivated without the legal
 * data (published before it existed) still reads.
 */
class SettlementContractsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-04-12T09:30:00Z");
    private static final String PARTNER = "2b9e3c1a-7d4f-4f8e-9b1a-0c2d3e4f5a6b";

    @Test
    void aDisputeResolutionCarriesItsAdjustmentWithTheAmountAsAString() {
        DisputeResolved resolved = new DisputeResolved(UUID.randomUUID(), AT, "dsp-7", PARTNER, "PARTIALLY_ACCEPTED",
                "fiona", AT, "under-counted", new DisputeResolved.Adjustment("adj-7-1", "period-1", "stmt-1",
                "125.400000", "EUR", "CREDIT_PARTNER", "dispute dsp-7: missing minutes"));

        JsonNode json = roundTrip(resolved, DisputeResolved.class);

        assertThat(resolved.key()).isEqualTo("dsp-7");
        assertThat(resolved.type()).isEqualTo("DisputeResolved");
        assertThat(json.get("adjustment").get("amount").isString()).isTrue();
        assertThat(json.get("adjustment").get("direction").asString()).isEqualTo("CREDIT_PARTNER");
        assertThat(JSON.readValue("""
                {"eventId":"%s","occurredAt":"2026-04-12T09:30:00Z","disputeId":"dsp-8","partnerId":"%s",
                 "outcome":"REJECTED","resolvedBy":"fiona","resolvedAt":"2026-04-12T09:30:00Z",
                 "resolutionNote":"no error","adjustment":null}
                """.formatted(UUID.randomUUID(), PARTNER), DisputeResolved.class).adjustment()).isNull();
    }

    /**
     * The adjustment names the disputed statement lines and each one's share when the dispute split its amount by
     * line; an event without them (older, or a dispute on the whole statement) reads as before, lines {@code null}.
     */
    @Test
    void aDisputeResolutionSplitByLineNamesEachLineAndItsShareAndAnOlderOneReadsWithoutThem() {
        DisputeResolved resolved = new DisputeResolved(UUID.randomUUID(), AT, "dsp-9", PARTNER, "PARTIALLY_ACCEPTED",
                "fiona", AT, "half", new DisputeResolved.Adjustment("adj-9-1", "period-1", "stmt-1", "21.250000",
                "EUR", "CREDIT_PARTNER", "half (dispute dsp-9)", java.util.List.of(
                new DisputeResolved.Line("stmt-1-1", "30.000000", "15.000000"),
                new DisputeResolved.Line("stmt-1-2", "12.500000", "6.250000"))));

        JsonNode json = roundTrip(resolved, DisputeResolved.class);

        assertThat(json.get("adjustment").get("lines").get(1).get("amount").asString()).isEqualTo("6.250000");
        assertThat(json.get("adjustment").get("lines").get(0).get("statementLineId").asString())
                .isEqualTo("stmt-1-1");
        DisputeResolved older = JSON.readValue("""
                {"eventId":"%s","occurredAt":"2026-04-12T09:30:00Z","disputeId":"dsp-8","partnerId":"%s",
                 "outcome":"ACCEPTED","resolvedBy":"fiona","resolvedAt":"2026-04-12T09:30:00Z","resolutionNote":"x",
                 "adjustment":{"adjustmentId":"adj-8","periodReference":null,"statementId":"stmt-1",
                               "amount":"1.000000","currency":"EUR","direction":"CREDIT_PARTNER","reason":"x"}}
                """.formatted(UUID.randomUUID(), PARTNER), DisputeResolved.class);
        assertThat(older.adjustment().amount()).isEqualTo("1.000000");
        assertThat(older.adjustment().lines()).isNull();
    }

    /**
     * A placement names every document line carrying the adjustment (a split one: one per disputed statement line);
     * an event published before {@code lines} existed reads with {@code lines} {@code null}.
     */
    @Test
    void anAdjustmentSettledNamesEachLineCarryingItAndAnOlderOneReadsWithoutThem() {
        DisputeAdjustmentSettled settled = new DisputeAdjustmentSettled(UUID.randomUUID(), AT, "dsp-9", "adj-9-1",
                PARTNER, "STATEMENT_LINE", "stmt-2", "stmt-2-4", "8.53", "EUR", List.of(
                new DisputeAdjustmentSettled.Line("stmt-2-4", "stmt-1-1", "4.26"),
                new DisputeAdjustmentSettled.Line("stmt-2-5", "stmt-1-2", "4.27")));

        JsonNode json = roundTrip(settled, DisputeAdjustmentSettled.class);

        assertThat(settled.key()).isEqualTo("dsp-9");
        assertThat(json.get("lines").get(1).get("amount").asString()).isEqualTo("4.27");
        assertThat(json.get("lines").get(0).get("statementLineId").asString()).isEqualTo("stmt-1-1");
        DisputeAdjustmentSettled older = JSON.readValue("""
                {"eventId":"%s","occurredAt":"2026-04-12T09:30:00Z","disputeId":"dsp-8","adjustmentId":"adj-8",
                 "partnerId":"%s","settledOn":"CREDIT_NOTE","documentId":"note-1","lineId":"note-1-1",
                 "amount":"1.00","currency":"EUR"}
                """.formatted(UUID.randomUUID(), PARTNER), DisputeAdjustmentSettled.class);
        assertThat(older.lineId()).isEqualTo("note-1-1");
        assertThat(older.lines()).isNull();
    }

    @Test
    void statementEventsAreKeyedByTheStatementAndCarryDecimalStrings() {
        StatementDrafted drafted = new StatementDrafted(UUID.randomUUID(), AT, "stmt-1", PARTNER, "period-1", AT,
                AT.plusSeconds(86_400), "REVENUE_SHARE_STATEMENT", "PAYABLE", "EUR", "1234.57", "234.57", "1469.14",
                7, "run-1");
        StatementApproved approved = new StatementApproved(UUID.randomUUID(), AT, "stmt-1", PARTNER, "period-1",
                "run-1", "fiona", AT);
        StatementIssued issued = new StatementIssued(UUID.randomUUID(), AT, "stmt-1", PARTNER, "period-1", AT,
                AT.plusSeconds(86_400), "REVENUE_SHARE_STATEMENT", "ACD-2026-000042", "accord-de", null, "PAYABLE",
                "EUR", "1234.57", "234.57", "1469.14", AT, LocalDate.parse("2026-05-12"), "ab".repeat(32));
        PaymentRecorded paid = new PaymentRecorded(UUID.randomUUID(), AT, "pay-1", "stmt-1", PARTNER,
                "ACD-2026-000042", "PAYABLE", "1469.14", "EUR", "0.00", AT, "SEPA-123");

        StatementDiscarded discarded = new StatementDiscarded(UUID.randomUUID(), AT, "stmt-1", PARTNER, "period-1",
                "REVENUE_SHARE_STATEMENT", "fiona", AT, "drafted before a dispute was resolved", List.of("adj-7-1"));

        for (DomainEvent event : List.<DomainEvent>of(drafted, approved, issued, paid, discarded)) {
            assertThat(event.key()).isEqualTo("stmt-1");
            assertThat(event.partnerId()).isEqualTo(PARTNER);
        }
        assertThat(roundTrip(drafted, StatementDrafted.class).get("totalAmount").isString()).isTrue();
        roundTrip(approved, StatementApproved.class);
        assertThat(roundTrip(discarded, StatementDiscarded.class).get("releasedAdjustmentIds").get(0).asString())
                .isEqualTo("adj-7-1");
        JsonNode issuedJson = roundTrip(issued, StatementIssued.class);
        assertThat(issuedJson.get("documentNumber").asString()).isEqualTo("ACD-2026-000042");
        assertThat(issuedJson.get("dueDate").asString()).isEqualTo("2026-05-12");
        assertThat(roundTrip(paid, PaymentRecorded.class).get("remainingAmount").asString()).isEqualTo("0.00");
    }

    @Test
    void statementIssuedCarriesItsLinesAndAnEventPublishedBeforeThemStillReads() {
        StatementIssued issued = new StatementIssued(UUID.randomUUID(), AT, "stmt-1", PARTNER, "period-1", AT,
                AT.plusSeconds(86_400), "REVENUE_SHARE_STATEMENT", "ACD-2026-000042", "accord-de", null, "PAYABLE",
                "EUR", "7.50", "1.43", "8.93", AT, LocalDate.parse("2026-05-12"), "ab".repeat(32),
                List.of(new StatementIssued.Line("stmt-1-1", 1, "USAGE_REVENUE_SHARE", "Revenue share: video × VOICE",
                        "video", "VOICE", "10.00", "EUR"), new StatementIssued.Line("stmt-1-2", 2, "WHOLESALE",
                        "Wholesale: sim × DATA", "sim", "DATA", "-2.50", "EUR")));

        JsonNode json = roundTrip(issued, StatementIssued.class);

        assertThat(json.get("lines").get(1).get("amount").isString()).isTrue();
        assertThat(json.get("lines").get(1).get("lineId").asString()).isEqualTo("stmt-1-2");
        JsonNode old = json.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) old).remove("lines");
        assertThat(JSON.treeToValue(old, StatementIssued.class).lines()).isNull();
        CorrectionNoteDrafted drafted = new CorrectionNoteDrafted(UUID.randomUUID(), AT, "note-1", "CREDIT_NOTE",
                "stmt-1", "ACD-2026-000042", PARTNER, "EUR", "4.00", "0.76", "4.76", 2, "dispute dsp-7", "fiona");
        CorrectionNoteApproved approved = new CorrectionNoteApproved(UUID.randomUUID(), AT, "note-1", "CREDIT_NOTE",
                "stmt-1", PARTNER, "fiona", "frank", AT);
        assertThat(drafted.key()).isEqualTo("note-1");
        assertThat(approved.key()).isEqualTo("note-1");
        assertThat(roundTrip(drafted, CorrectionNoteDrafted.class).get("totalAmount").asString()).isEqualTo("4.76");
        roundTrip(approved, CorrectionNoteApproved.class);
    }

    @Test
    void reconciliationEventsAreKeyedByTheReconciliationAndListTheDiscrepancies() {
        ReconciliationCompleted completed = new ReconciliationCompleted(UUID.randomUUID(), AT, "rec-1", PARTNER,
                "stmt-1", "period-1", "inv-1", "P-2026-03", "EUR", Map.of("MATCHED", 5, "MISMATCH", 1), "1000.00",
                "1040.00", "40.00", true);
        ReconciliationDiscrepancyFound found = new ReconciliationDiscrepancyFound(UUID.randomUUID(), AT, "rec-1",
                PARTNER, "stmt-1", "ACD-2026-000042", "period-1", AT, AT.plusSeconds(86_400), "inv-1", "P-2026-03",
                "EUR", "40.00", List.of(new ReconciliationDiscrepancyFound.Discrepancy("MISMATCH", "off-1", "VIDEO_MIN",
                null, "line-3", "400.00", "440.00", "40.00", "5.00")));

        assertThat(completed.key()).isEqualTo("rec-1");
        assertThat(found.key()).isEqualTo("rec-1");
        assertThat(roundTrip(completed, ReconciliationCompleted.class).get("outcomes").get("MISMATCH").asInt())
                .isEqualTo(1);
        JsonNode line = roundTrip(found, ReconciliationDiscrepancyFound.class).get("lines").get(0);
        assertThat(line.get("difference").isString()).isTrue();
        assertThat(line.get("reference").isNull()).isTrue();
    }

    @Test
    void partnerActivatedCarriesTheLegalDataAndStillReadsWithoutIt() {
        PartnerActivated activated = new PartnerActivated(UUID.randomUUID(), AT, PARTNER, "Northwind GmbH",
                "OTT_CONTENT", "SELL_THROUGH", "DE", "EUR", "DE136695976",
                new PartnerActivated.Address("Friedrichstraße 68", null, "Berlin", "10117"),
                new PartnerActivated.BankAccount("DE89370400440532013000", "COBADEFFXXX"));

        JsonNode json = roundTrip(activated, PartnerActivated.class);
        PartnerActivated old = JSON.readValue("""
                {"eventId":"%s","occurredAt":"2026-01-05T00:00:00Z","partnerId":"%s","legalName":"Old Ltd",
                 "partnerType":"MVNO","businessModel":"RESELL","country":"GB","settlementCurrency":"GBP"}
                """.formatted(UUID.randomUUID(), PARTNER), PartnerActivated.class);

        assertThat(json.get("bankAccount").get("iban").asString()).isEqualTo("DE89370400440532013000");
        assertThat(json.get("address").get("city").asString()).isEqualTo("Berlin");
        assertThat(old.legalName()).isEqualTo("Old Ltd");
        assertThat(old.taxId()).isNull();
        assertThat(old.address()).isNull();
        assertThat(old.bankAccount()).isNull();
        assertThat(new PartnerActivated(UUID.randomUUID(), AT, PARTNER, "Old Ltd", "MVNO", "RESELL", "GB", "GBP")
                .bankAccount()).isNull();
    }

    @Test
    void anAccountWithoutIbanTravelsAsAccountNumberAndBankCodeAndOldBankEventsStillRead() {
        PartnerBankAccountConfirmed us = new PartnerBankAccountConfirmed(UUID.randomUUID(), AT, PARTNER, null, null,
                "123456789", "021000021");
        PartnerActivated activated = new PartnerActivated(UUID.randomUUID(), AT, PARTNER, "Gotham Telecom Inc",
                "MVNO", "RESELL", "US", "USD", null, null,
                new PartnerActivated.BankAccount(null, "CHASUS33", "123456789", "021000021"));

        JsonNode confirmed = roundTrip(us, PartnerBankAccountConfirmed.class);
        JsonNode activatedAccount = roundTrip(activated, PartnerActivated.class).get("bankAccount");
        PartnerBankAccountConfirmed old = JSON.readValue("""
                {"eventId":"%s","occurredAt":"2026-01-05T00:00:00Z","partnerId":"%s",
                 "iban":"DE89370400440532013000","bic":"COBADEFFXXX"}
                """.formatted(UUID.randomUUID(), PARTNER), PartnerBankAccountConfirmed.class);
        PartnerActivated oldActivated = JSON.readValue("""
                {"eventId":"%s","occurredAt":"2026-01-05T00:00:00Z","partnerId":"%s","legalName":"Old GmbH",
                 "partnerType":"MVNO","businessModel":"RESELL","country":"DE","settlementCurrency":"EUR",
                 "bankAccount":{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}}
                """.formatted(UUID.randomUUID(), PARTNER), PartnerActivated.class);
        JsonNode ibanOnly = JSON.readTree(JSON.writeValueAsString(new PartnerBankAccountConfirmed(UUID.randomUUID(),
                AT, PARTNER, "DE89370400440532013000", "COBADEFFXXX")));

        assertThat(confirmed.get("accountNumber").asString()).isEqualTo("123456789");
        assertThat(confirmed.get("bankCode").asString()).isEqualTo("021000021");
        assertThat(confirmed.get("iban").isNull()).isTrue();
        assertThat(activatedAccount.get("accountNumber").asString()).isEqualTo("123456789");
        assertThat(activatedAccount.get("bankCode").asString()).isEqualTo("021000021");
        assertThat(old.iban()).isEqualTo("DE89370400440532013000");
        assertThat(old.accountNumber()).isNull();
        assertThat(old.bankCode()).isNull();
        assertThat(oldActivated.bankAccount())
                .isEqualTo(new PartnerActivated.BankAccount("DE89370400440532013000", "COBADEFFXXX", null, null));
        assertThat(ibanOnly.has("accountNumber")).as("an IBAN account's JSON is as before").isFalse();
        assertThat(ibanOnly.has("bankCode")).isFalse();
    }

    @Test
    void aRatedRecordCarriesItsPricesTaxCategoryAndOneFromBeforeItExistedStillReads() {
        UsageRated rated = RatedUsageEvents.rated("off-1", AT).taxCategory("REDUCED").share(PARTNER, "50").build();

        JsonNode json = roundTrip(rated, UsageRated.class);

        assertThat(json.get("taxCategory").asString()).isEqualTo("REDUCED");
        ObjectNode older = (ObjectNode) JSON.readTree(JSON.writeValueAsString(rated));
        older.remove("taxCategory");
        UsageRated read = JSON.readValue(JSON.writeValueAsString(older), UsageRated.class);
        assertThat(read.taxCategory()).isNull();
        assertThat(read.ratedId()).isEqualTo(rated.ratedId());
        assertThat(read.customerReference()).isEqualTo(rated.customerReference());
        assertThat(RatedUsageEvents.reversalOf(rated).taxCategory()).isEqualTo("REDUCED");
    }

    private static <T> JsonNode roundTrip(T event, Class<T> type) {
        String text = JSON.writeValueAsString(event);
        assertThat(JSON.readValue(text, type)).isEqualTo(event);
        JsonNode json = JSON.readTree(text);
        assertThat(json.has("key")).as("the key is not part of the payload").isFalse();
        return json;
    }
}
