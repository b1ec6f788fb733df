package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.events.DisputeResolved;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A dispute over several statement lines keeps what is disputed on each (relatedEntity[].disputedAmount): each checked
 * against what remains of its line, the dispute's amount their sum, shown on the ticket, and the resolution's
 * adjustment split over them in DisputeResolved. The split was lost: the portal's per-line amounts reached the
 * service only as their sum.
 */
@AccordServiceTest
class DisputeLineAmountsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;

    DisputeLineAmountsTests(SettlementFixtures settlement, JdbcClient jdbc) {
        this.settlement = settlement;
        this.jdbc = jdbc;
    }

    @Test
    void keepsTheAmountOfEachLineAndSplitsTheAdjustmentByThem() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "50.00", "20.00", "20.00");
        TestHttp.Response created = as.partner.post(Disputing.TICKETS, ticket(statement, "42.50",
                line(statement + "-1", "30.00"), line(statement + "-2", "12.50")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();

        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(ticket.path("disputedAmount").path("value").asString()).isEqualTo("42.500000");
        assertThat(ticket.path("relatedEntity").valueStream().map(entity -> tuple(entity.path("role").asString(),
                entity.path("disputedAmount").path("value").asString(null))).toList()).containsExactly(
                tuple("Statement", null), tuple("StatementLine", "30.000000"), tuple("StatementLine", "12.500000"));

        // half of it credited: each line gets half of what was disputed on it, the shares summing to the credit
        assertThat(as.step(as.finance, id, "review", null).status()).isEqualTo(200);
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("21.25")).status()).isEqualTo(200);
        assertThat(as.step(as.partner, id, "acceptance", null).json().path("status").asString())
                .isEqualTo("resolved");
        DisputeResolved resolved = JSON.readValue(jdbc.sql("""
                        select cast(payload as text) from outbox_event
                        where message_key = :id and event_type = 'DisputeResolved'
                        """).param("id", id).query(String.class).single(), DisputeResolved.class);
        assertThat(resolved.adjustment().amount()).isEqualTo("21.250000");
        assertThat(resolved.adjustment().lines()).containsExactly(
                new DisputeResolved.Line(statement + "-1", "30.000000", "15.000000"),
                new DisputeResolved.Line(statement + "-2", "12.500000", "6.250000"));

        // each line's credit counts on that line only: line 1 has 35.00 left, line 2 13.75
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-1", "35.00",
                "RATE")).status()).isEqualTo(201);
        TestHttp.Response over = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-2",
                "13.76", "RATE"));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("remaining").asString()).isEqualTo("13.750000");
    }

    @Test
    void aResolvedSplitDisputeShowsEachLinesShareAndWhatSettlementSettledOnIt() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "50.00", "20.00");
        TestHttp.Response created = as.partner.post(Disputing.TICKETS, ticket(statement, "42.50",
                line(statement + "-1", "30.00"), line(statement + "-2", "12.50")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(statementLines(as.partner.get(Disputing.TICKETS + "/" + id).json(), "adjustmentShare"))
                .as("no share before a resolution").containsExactly(null, null);

        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "proposal", Disputing.proposal("21.25"));
        String adjustment = as.step(as.partner, id, "acceptance", null).json().path("adjustmentId").asString();

        for (TestHttp caller : List.of(as.partner, as.finance)) {
            JsonNode resolved = caller.get(Disputing.TICKETS + "/" + id).json();
            assertThat(statementLines(resolved, "adjustmentShare")).containsExactly("15.000000", "6.250000");
            assertThat(statementLines(resolved, "adjustmentSettled")).containsExactly(null, null);
        }

        // settlement carries each share on a line of the partner's next (draft) statement
        String next = java.util.UUID.randomUUID().toString();
        settlement.send(Topics.SETTLEMENT_EVENTS, new DisputeAdjustmentSettled(java.util.UUID.randomUUID(),
                Instant.now(), id, adjustment, as.partnerId, "STATEMENT_LINE", next, next + "-4", "21.25", "EUR",
                List.of(new DisputeAdjustmentSettled.Line(next + "-4", statement + "-1", "15.00"),
                        new DisputeAdjustmentSettled.Line(next + "-5", statement + "-2", "6.25"))));

        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.finance.get(Disputing.TICKETS + "/" + id).json()
                .path("adjustmentSettlement").path("lines").size() == 2);
        JsonNode staff = as.finance.get(Disputing.TICKETS + "/" + id).json();
        assertThat(staff.path("adjustmentSettlement").path("lines").valueStream().map(line -> tuple(
                line.path("lineId").asString(), line.path("statementLineId").asString(),
                line.path("amount").path("value").asString())).toList()).containsExactly(
                tuple(next + "-4", statement + "-1", "15.000000"), tuple(next + "-5", statement + "-2", "6.250000"));
        assertThat(statementLines(staff, "adjustmentSettled")).containsExactly("15.000000", "6.250000");
        // the partner sees what each line settled, not the draft's lines
        JsonNode partner = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(statementLines(partner, "adjustmentSettled")).containsExactly("15.000000", "6.250000");
        assertThat(partner.path("adjustmentSettlement").path("lines").valueStream().map(line -> tuple(
                line.has("lineId"), line.path("statementLineId").asString())).toList())
                .containsExactly(tuple(false, statement + "-1"), tuple(false, statement + "-2"));
        assertThat(partner.toString()).doesNotContain(next);
    }

    @Test
    void aProposalOnASplitDisputeChecksEachLinesShareAgainstWhatRemainsOfThatLine() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "50.00", "20.00", "20.00");
        TestHttp.Response split = as.partner.post(Disputing.TICKETS, ticket(statement, "40.00",
                line(statement + "-1", "30.00"), line(statement + "-2", "10.00")));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        String id = split.json().path("id").asString();
        // a dispute on the whole statement meanwhile credits 15.00, which may have gone to any line: line 2 has 5.00
        // left, line 1 35.00, the two together 55.00
        TestHttp.Response whole = as.partner.post(Disputing.TICKETS, """
                {"ticketType": "BillingDispute", "description": "all of it", "category": "RATE",
                 "disputedAmount": {"unit": "EUR", "value": "15.00"},
                 "relatedEntity": [{"id": "%s", "role": "Statement"}]}
                """.formatted(statement));
        assertThat(whole.status()).as(whole.body()).isEqualTo(201);
        String other = whole.json().path("id").asString();
        assertThat(as.step(as.finance, other, "review", null).status()).isEqualTo(200);
        assertThat(as.step(as.finance, other, "proposal", Disputing.proposal("15.00")).status()).isEqualTo(200);
        assertThat(as.step(as.partner, other, "acceptance", null).status()).isEqualTo(200);
        assertThat(as.step(as.finance, id, "review", null).status()).isEqualTo(200);

        // 40.00 fits the lines together, but its share of line 2 (10.00) does not fit the 5.00 left there
        TestHttp.Response over = as.step(as.finance, id, "proposal", Disputing.proposal("40.00"));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("type").asString()).endsWith("/adjustment-exceeds-remaining");
        assertThat(over.json().path("lineId").asString()).isEqualTo(statement + "-2");
        assertThat(over.json().path("share").asString()).isEqualTo("10.000000");
        assertThat(over.json().path("remaining").asString()).isEqualTo("5.000000");
        assertThat(over.json().path("detail").asString()).contains("on line " + statement + "-2");

        // half of it puts 5.00 on line 2: within
        TestHttp.Response half = as.step(as.finance, id, "proposal", Disputing.proposal("20.00"));
        assertThat(half.status()).as(half.body()).isEqualTo(200);
    }

    @Test
    void eachLinesAmountIsCheckedAgainstItsLineAndTheirSumIsTheDisputedAmount() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "50.00", "20.00", "20.00");

        // within the lines together (70.00), but 25.00 on a 20.00 line
        TestHttp.Response beyondLine = as.partner.post(Disputing.TICKETS, ticket(statement, "30.00",
                line(statement + "-1", "5.00"), line(statement + "-3", "25.00")));
        assertThat(beyondLine.status()).as(beyondLine.body()).isEqualTo(422);
        assertThat(beyondLine.json().path("type").asString()).endsWith("/amount-exceeds-line");
        assertThat(beyondLine.json().path("field").asString()).isEqualTo("relatedEntity[2].disputedAmount.value");
        assertThat(beyondLine.json().path("lineId").asString()).isEqualTo(statement + "-3");
        assertThat(beyondLine.json().path("detail").asString()).contains("disputed on line " + statement + "-3")
                .contains("statement line " + statement + "-3 of 20.00 EUR");

        TestHttp.Response notTheSum = as.partner.post(Disputing.TICKETS, ticket(statement, "30.00",
                line(statement + "-1", "5.00"), line(statement + "-2", "20.00")));
        assertThat(notTheSum.status()).as(notTheSum.body()).isEqualTo(400);
        assertThat(notTheSum.json().path("violations").get(0).path("field").asString())
                .isEqualTo("disputedAmount.value");

        TestHttp.Response oneMissing = as.partner.post(Disputing.TICKETS, ticket(statement, "5.00",
                line(statement + "-1", "5.00"), "{\"id\": \"" + statement + "-2\", \"role\": \"StatementLine\"}"));
        assertThat(oneMissing.status()).as(oneMissing.body()).isEqualTo(400);
        assertThat(oneMissing.json().path("violations").get(0).path("field").asString())
                .isEqualTo("relatedEntity[2].disputedAmount");

        TestHttp.Response otherCurrency = as.partner.post(Disputing.TICKETS, ticket(statement, "5.00",
                "{\"id\": \"" + statement + "-1\", \"role\": \"StatementLine\", \"disputedAmount\": "
                        + "{\"unit\": \"USD\", \"value\": \"5.00\"}}"));
        assertThat(otherCurrency.status()).as(otherCurrency.body()).isEqualTo(400);

        assertThat(jdbc.sql("select count(*) from dispute where cast(partner_id as text) = :p")
                .param("p", as.partnerId).query(Long.class).single()).isZero();
    }

    @Test
    void oneLineWithoutAnAmountOfItsOwnDisputesTheTicketsAmountAsBefore() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "50.00");
        TestHttp.Response created = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-1",
                "12.00", "RATE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<String> amounts = created.json().path("relatedEntity").valueStream()
                .filter(entity -> "StatementLine".equals(entity.path("role").asString()))
                .map(entity -> entity.path("disputedAmount").path("value").asString()).toList();
        assertThat(amounts).containsExactly("12.000000");
    }

    /** The {@code field} amount ({@code value}) of each StatementLine of the ticket, {@code null} where absent. */
    private static List<String> statementLines(JsonNode ticket, String field) {
        return ticket.path("relatedEntity").valueStream()
                .filter(entity -> "StatementLine".equals(entity.path("role").asString()))
                .map(entity -> entity.path(field).path("value").asString(null)).toList();
    }

    private static String line(String lineId, String amount) {
        return "{\"id\": \"" + lineId + "\", \"role\": \"StatementLine\", \"disputedAmount\": {\"unit\": \"EUR\", "
                + "\"value\": \"" + amount + "\"}}";
    }

    private static String ticket(String statement, String amount, String... lines) {
        return """
                {"ticketType": "BillingDispute", "description": "rated at the old rate", "category": "RATE",
                 "disputedAmount": {"unit": "EUR", "value": "%s"},
                 "relatedEntity": [{"id": "%s", "role": "Statement"}, %s]}
                """.formatted(amount, statement, String.join(", ", lines));
    }
}
