package io.accord.settlement.reconciliation;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.note.CorrectionNotes;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's invoice is reconciled against our statement as our issued credit and debit notes corrected it (the
 * finance review: an issued credit note on a line was ignored, the partner's corrected figure reconciled as a
 * MISMATCH beyond tolerance and a dispute was opened for money already credited, while an invoice ignoring the note
 * MATCHED). Draft and withdrawn notes correct nothing and do not count.
 */
@AccordServiceTest
class ReconciliationNotesTests {

    private static final String INVOICES = "/api/settlement/partner-invoices";

    @LocalServerPort
    int port;

    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final CorrectionNotes notes;
    private final Clock clock;

    ReconciliationNotesTests(Statements statements, SettlementPeriods periods, UsageSums sums,
                             SettlementFixtures fixtures, CorrectionNotes notes, Clock clock) {
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.fixtures = fixtures;
        this.notes = notes;
        this.clock = clock;
    }

    @Test
    void anIssuedCreditNoteCorrectsOurSideSoTheCorrectedInvoiceMatchesAndOneIgnoringTheNoteDoesNot() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant usage = now.minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-video", usage).charge("1000.00").share(partner, "50").build(),
                RatedUsageEvents.rated("off-music", usage).charge("20.00").share(partner, "50").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 2);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        statements.approve(drafted.id(), "finance-b");
        Statements.View statement = statements.issue(drafted.id());
        // off-video VOICE 500.00, off-music VOICE 10.00
        Statements.Line music = statement.lines().stream().filter(line -> "off-music".equals(line.offeringId()))
                .findFirst().orElseThrow();
        assertThat(music.rounded()).isEqualByComparingTo("10.00");

        // issued (four-eyes): 8.00 on the music line and 0.01 naming no line
        CorrectionNotes.View credit = notes.draft(statement.id(), "CREDIT_NOTE", "music minutes missing",
                List.of(new CorrectionNotes.DraftLine("Missing music minutes", new BigDecimal("8.00"),
                                music.lineNumber()),
                        new CorrectionNotes.DraftLine("Rounding goodwill", new BigDecimal("0.01"), null)),
                "fiona");
        notes.approve(credit.id(), "frank");
        CorrectionNotes.View issuedCredit = notes.issue(credit.id());
        // a draft and a withdrawn note on the same line correct nothing
        notes.draft(statement.id(), "CREDIT_NOTE", "not yet approved", List.of(new CorrectionNotes.DraftLine(
                "Draft", new BigDecimal("1.50"), music.lineNumber())), "fiona");
        CorrectionNotes.View withdrawn = notes.draft(statement.id(), "DEBIT_NOTE", "wrong", List.of(
                new CorrectionNotes.DraftLine("Wrong", new BigDecimal("3.00"), music.lineNumber())), "fiona");
        notes.withdraw(withdrawn.id(), "drafted in error", "frank");

        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        JsonNode corrected = reconciliation(own, submit(own, period, "18.00", "0.01"));

        assertThat(corrected.get("discrepancies").asBoolean()).as(corrected.toString()).isFalse();
        JsonNode musicLine = line(corrected.get("lines"), "off-music");
        assertThat(musicLine.get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(musicLine.get("statementAmount").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(musicLine.get("statementLineIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(music.id());
        assertThat(musicLine.get("noteLineIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(issuedCredit.lines().getFirst().id());
        // the unlinked note line is compared on its own, with the invoice's line naming no offering
        JsonNode other = corrected.get("lines").valueStream()
                .filter(line -> line.get("offeringId").isNull()).findFirst().orElseThrow();
        assertThat(other.get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(other.get("statementLineIds")).isEmpty();
        assertThat(other.get("noteLineIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(issuedCredit.lines().get(1).id());
        assertThat(corrected.get("statementTotal").decimalValue()).isEqualByComparingTo("518.01");
        assertThat(corrected.get("notes")).hasSize(1);
        assertThat(corrected.get("notes").get(0).get("id").asString()).isEqualTo(issuedCredit.id().toString());
        assertThat(corrected.get("notes").get(0).get("documentNumber").asString())
                .isEqualTo(issuedCredit.documentNumber());
        assertThat(corrected.get("notes").get(0).get("type").asString()).isEqualTo("CREDIT_NOTE");

        // an invoice ignoring our note is 8.00 short of what we settled: beyond the 5.00 tolerance
        JsonNode ignoring = reconciliation(own, submit(own, period, "10.00", null));
        assertThat(ignoring.get("discrepancies").asBoolean()).isTrue();
        JsonNode shortLine = line(ignoring.get("lines"), "off-music");
        assertThat(shortLine.get("outcome").asString()).isEqualTo("MISMATCH");
        assertThat(shortLine.get("difference").decimalValue()).isEqualByComparingTo("-8.00");
    }

    private JsonNode submit(TestHttp partner, UUID period, String music, String unlinked) {
        String extra = unlinked == null ? "" : ",{\"description\":\"credit note\",\"amount\":\"" + unlinked + "\"}";
        TestHttp.Response submitted = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"INV-%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00"},
                 {"offeringId":"off-music","usageType":"VOICE","amount":"%s"}%s]}
                """.formatted(period, UUID.randomUUID(), music, extra));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private static JsonNode reconciliation(TestHttp partner, JsonNode invoice) {
        return partner.get(invoice.get("latestReconciliation").get("href").asString()).json();
    }

    private static JsonNode line(JsonNode lines, String offering) {
        return lines.valueStream().filter(line -> offering.equals(line.get("offeringId").asString())).findFirst()
                .orElseThrow();
    }
}
