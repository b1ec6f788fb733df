package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.DomainEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner sees its statements and notes only once they are issued documents: a draft or approved one answers 404
 * (statement API, TMF678, notes) and is in no list, and the period's conservation shows no statement lines for it.
 * Staff see every state.
 */
@AccordServiceTest
class StatementVisibilityTests {

    private static final String STATEMENTS = "/api/settlement/statements";
    private static final String BILLS = "/tmf-api/customerBillManagement/v4/customerBill";

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final DisputeAdjustments adjustments;

    StatementVisibilityTests(StatementFixtures statementFixtures, Statements statements,
                             DisputeAdjustments adjustments) {
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.adjustments = adjustments;
    }

    @Test
    void aPartnerSeesNothingOfTheDraftThatCarriesItsDisputeAdjustmentUntilItIsIssued() {
        String partner = fixtures.partner();
        String adjustmentId = "adj-" + UUID.randomUUID();
        resolved(partner, adjustmentId, null);
        await().atMost(StatementFixtures.PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner))
                .size() == 1);
        Statements.View draft = fixtures.drafted(partner, "20.00");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String list = "/api/settlement/adjustments";

        // staff see the draft carrying it; the partner sees it pending, with no statement, note or line
        assertThat(finance.get(list + "?partnerId=" + partner).json().get(0).path("statementId").asString())
                .isEqualTo(draft.id().toString());
        JsonNode seen = own.get(list).json().get(0);
        assertThat(seen.path("adjustmentId").asString()).isEqualTo(adjustmentId);
        assertThat(seen.path("statementId").isNull()).isTrue();
        assertThat(seen.path("settledLineId").isNull()).isTrue();
        assertThat(seen.path("settledLines").isArray() && seen.path("settledLines").isEmpty()).isTrue();
        assertThat(seen.path("carriedAt").isNull()).isTrue();
        assertThat(own.get(list).body()).doesNotContain(draft.id().toString());
        // nor does the period's conservation say its amounts are on a statement
        String conservation = "/api/settlement/periods/" + draft.periodId() + "/conservation";
        JsonNode amounts = own.get(conservation).json().path("amounts").get(0);
        assertThat(amounts.path("onStatements").decimalValue()).isZero();
        assertThat(amounts.path("notYetOnStatement").decimalValue()).isEqualByComparingTo("10");
        assertThat(finance.get(conservation).json().path("amounts").get(0).path("onStatements").decimalValue())
                .isEqualByComparingTo("10");

        statements.issue(statements.approve(draft.id(), "finance-b").id());
        JsonNode issued = own.get(list).json().get(0);
        assertThat(issued.path("statementId").asString()).isEqualTo(draft.id().toString());
        assertThat(issued.path("settledLineId").asString()).startsWith(draft.id() + "-");
        assertThat(issued.path("settledLines").get(0).path("lineId").asString())
                .isEqualTo(issued.path("settledLineId").asString());
        assertThat(own.get(conservation).json().path("amounts").get(0).path("onStatements").decimalValue())
                .isEqualByComparingTo("10");
    }

    @Test
    void aPartnerSeesTheCreditNoteSettlingItsAdjustmentOnlyOnceIssued() {
        String partner = fixtures.partner();
        Statements.View issued = fixtures.issued(partner, "20.00");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        assertThat(finance.put("/api/settlement/adjustment-settings/" + partner, "{\"settleBy\": \"NOTE\"}")
                .status()).isEqualTo(200);
        // an id settlement knows no partner by: 404, nothing stored
        String nobody = UUID.randomUUID().toString();
        assertThat(finance.put("/api/settlement/adjustment-settings/" + nobody, "{\"settleBy\": \"NOTE\"}")
                .status()).isEqualTo(404);
        assertThat(finance.get("/api/settlement/adjustment-settings/" + nobody).status()).isEqualTo(404);
        resolved(partner, "adj-" + UUID.randomUUID(), issued.id().toString());
        String list = "/api/settlement/adjustments";
        JsonNode staffView = await().atMost(StatementFixtures.PATIENCE).until(
                () -> finance.get(list + "?partnerId=" + partner).json(),
                found -> found.size() == 1 && !found.get(0).path("noteId").isNull());
        String noteId = staffView.get(0).path("noteId").asString();

        assertThat(own.get(list).json().get(0).path("noteId").isNull()).isTrue();
        assertThat(own.get(list).body()).doesNotContain(noteId);
        TestHttp.localPort(port).as(TestJwt.staff("frank", Roles.FINANCE))
                .post("/api/settlement/notes/" + noteId + "/approval", "");
        assertThat(own.get(list).json().get(0).path("noteId").isNull()).isTrue();
        assertThat(finance.post("/api/settlement/notes/" + noteId + "/issue", "").status()).isEqualTo(200);
        assertThat(own.get(list).json().get(0).path("noteId").asString()).isEqualTo(noteId);
    }

    @Test
    void aPartnerIsNotToldWhichOfOurUsersPreparedApprovedOrRecordedItsDocuments() {
        String partner = fixtures.partner();
        Statements.View issued = fixtures.issued(partner, "20.00");   // prepared by finance, approved by finance-b
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_ADMIN));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = STATEMENTS + "/" + issued.id();
        String note = finance.post(path + "/notes", """
                {"type": "CREDIT_NOTE", "reason": "goodwill", "lines": [{"label": "Goodwill", "amount": "1.00"}]}""")
                .json().path("id").asString();
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("frank", Roles.FINANCE))
                .post("/api/settlement/notes/" + note + "/approval", "").status()).isEqualTo(200);
        assertThat(finance.post("/api/settlement/notes/" + note + "/issue", "").status()).isEqualTo(200);
        String paidOn = java.time.LocalDate.ofInstant(issued.issuedAt(), java.time.ZoneOffset.UTC).toString();
        assertThat(finance.post(path + "/payments", """
                {"amount": "1.00", "currency": "EUR", "paidOn": "%s", "reference": "SEPA-NAMES"}"""
                .formatted(paidOn)).status()).isEqualTo(201);

        // staff see who did what
        assertThat(finance.get(path).json().path("preparedBy").asString()).isEqualTo("finance");
        assertThat(finance.get(path).json().path("approvedBy").asString()).isEqualTo("finance-b");
        assertThat(finance.get("/api/settlement/notes/" + note).json().path("preparedBy").asString())
                .isEqualTo("fiona");
        assertThat(finance.get("/api/settlement/notes/" + note).json().path("approvedBy").asString())
                .isEqualTo("frank");
        assertThat(finance.get(path + "/payments").json().get(0).path("recordedBy").asString()).isEqualTo("fiona");
        // the partner sees its documents, without our users' names
        JsonNode statement = own.get(path).json();
        assertThat(statement.path("documentNumber").asString()).isEqualTo(issued.documentNumber());
        assertThat(statement.path("preparedBy").isNull()).isTrue();
        assertThat(statement.path("approvedBy").isNull()).isTrue();
        JsonNode ownNote = own.get("/api/settlement/notes/" + note).json();
        assertThat(ownNote.path("state").asString()).isEqualTo("ISSUED");
        assertThat(ownNote.path("preparedBy").isNull()).isTrue();
        assertThat(ownNote.path("approvedBy").isNull()).isTrue();
        JsonNode payment = own.get(path + "/payments").json().get(0);
        assertThat(payment.path("reference").asString()).isEqualTo("SEPA-NAMES");
        assertThat(payment.path("recordedBy").isNull()).isTrue();
        for (String seen : List.of(path, STATEMENTS, "/api/settlement/notes/" + note,
                "/api/settlement/notes?statementId=" + issued.id(), path + "/payments")) {
            TestHttp.Response response = own.get(seen);
            assertThat(response.status()).as(seen).isEqualTo(200);
            assertThat(response.body()).as(seen).contains(issued.id().toString())
                    .doesNotContain("\"finance\"", "\"finance-b\"", "\"fiona\"", "\"frank\"");
        }
    }

    @Test
    void aDisputeAdjustmentLineNamesItsDisputeOnce() {
        String partner = fixtures.partner();
        String dispute = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // the dispute service ends the reason with the dispute it resolves
        DomainEvents.send(Topics.DISPUTE_EVENTS, new DisputeResolved(UUID.randomUUID(), now, dispute, partner,
                "PARTIALLY_ACCEPTED", "fiona", now, "partial", new DisputeResolved.Adjustment(
                "adj-" + UUID.randomUUID(), null, null, "1.000000", "EUR", "CREDIT_PARTNER",
                "partial: 1.00 of 1.50 (dispute " + dispute + ")")), null);
        await().atMost(StatementFixtures.PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner))
                .size() == 1);

        Statements.View draft = fixtures.drafted(partner, "20.00");

        String label = draft.lines().stream().filter(line -> line.type().equals("DISPUTE_ADJUSTMENT"))
                .findFirst().orElseThrow().label();
        assertThat(label).startsWith("Dispute " + dispute + " adjustment ").endsWith("(credit): partial: 1.00 of 1.50");
        assertThat(label.split(dispute, -1)).as(label).hasSize(2);
    }

    private static void resolved(String partner, String adjustmentId, String statementId) {
        Instant now = Instant.now();
        DomainEvents.send(Topics.DISPUTE_EVENTS, new DisputeResolved(UUID.randomUUID(), now,
                "dsp-" + UUID.randomUUID(), partner, "ACCEPTED", "fiona", now, "missing minutes",
                new DisputeResolved.Adjustment(adjustmentId, null, statementId, "2.500000", "EUR", "CREDIT_PARTNER",
                        "missing minutes")), null);
    }

    @Test
    void aPartnerSeesItsStatementOnlyOnceIssuedAndStaffSeeItInEveryState() {
        String partner = fixtures.partner();
        Statements.View draft = fixtures.drafted(partner, "20.00");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = STATEMENTS + "/" + draft.id();

        assertThat(own.get(path).status()).isEqualTo(404);
        assertThat(own.get(BILLS + "/" + draft.id()).status()).isEqualTo(404);
        assertThat(own.get(STATEMENTS).json()).isEmpty();
        assertThat(own.get(STATEMENTS + "?state=DRAFT").json()).isEmpty();
        assertThat(own.get(BILLS).json()).isEmpty();
        String conservation = "/api/settlement/periods/" + draft.periodId() + "/conservation";
        assertThat(own.get(conservation).json().path("outsideTheEquation").isMissingNode()
                || own.get(conservation).json().path("outsideTheEquation").isNull()).isTrue();
        assertThat(finance.get(conservation).json().path("outsideTheEquation").path("statementId").asString())
                .isEqualTo(draft.id().toString());
        assertThat(finance.get(path).json().path("state").asString()).isEqualTo("DRAFT");
        assertThat(finance.get(STATEMENTS + "?partnerId=" + partner).json()).hasSize(1);

        statements.approve(draft.id(), "finance-b");
        assertThat(own.get(path).status()).isEqualTo(404);
        assertThat(finance.get(path).json().path("state").asString()).isEqualTo("APPROVED");

        statements.issue(draft.id());
        assertThat(own.get(path).json().path("state").asString()).isEqualTo("ISSUED");
        assertThat(own.get(BILLS + "/" + draft.id()).status()).isEqualTo(200);
        assertThat(own.get(STATEMENTS).json()).hasSize(1);
        assertThat(own.get(conservation).json().path("outsideTheEquation").path("statementState").asString())
                .isEqualTo("ISSUED");
    }

    @Test
    void aPartnerSeesACorrectionNoteOnlyOnceIssued() {
        String partner = fixtures.partner();
        Statements.View issued = fixtures.issued(partner, "20.00");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp.Response drafted = finance.post(STATEMENTS + "/" + issued.id() + "/notes", """
                {"type": "CREDIT_NOTE", "reason": "goodwill", "lines": [{"label": "Goodwill", "amount": "1.00"}]}
                """);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String note = "/api/settlement/notes/" + drafted.json().path("id").asString();

        assertThat(own.get(note).status()).isEqualTo(404);
        assertThat(own.get("/api/settlement/notes?statementId=" + issued.id()).json()).isEmpty();
        assertThat(own.get("/api/settlement/notes?state=DRAFT").json()).isEmpty();
        assertThat(finance.get("/api/settlement/notes?statementId=" + issued.id()).json()).hasSize(1);

        TestHttp.localPort(port).as(TestJwt.staff("frank", Roles.FINANCE)).post(note + "/approval", "");
        assertThat(own.get(note).status()).isEqualTo(404);
        assertThat(finance.post(note + "/issue", "").status()).isEqualTo(200);
        assertThat(own.get(note).json().path("state").asString()).isEqualTo("ISSUED");
        assertThat(own.get("/api/settlement/notes?statementId=" + issued.id()).json()).hasSize(1);
    }
}
