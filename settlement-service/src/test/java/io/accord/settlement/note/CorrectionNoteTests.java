package io.accord.settlement.note;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.StatementIssued;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issued statement is corrected by a credit or debit note: drafted, approved four-eyes, issued with the next number
 * of the statement's issuing entity, its own document and {@code StatementIssued}; the statement never changes.
 */
@AccordServiceTest
class CorrectionNoteTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final Statements statementService;

    CorrectionNoteTests(StatementFixtures statementFixtures, Statements statements) {
        this.statements = statementFixtures;
        this.statementService = statements;
    }

    @Test
    void aCreditNoteIsDraftedApprovedFourEyesAndIssuedWithItsOwnNumberDocumentAndEvent() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00", "6.00");
        TestHttp preparer = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp second = TestHttp.localPort(port).as(TestJwt.staff("frank", Roles.FINANCE));

        TestHttp.Response drafted = preparer.post("/api/settlement/statements/" + issued.id() + "/notes", """
                {"type": "CREDIT_NOTE", "reason": "dispute dsp-7: video minutes missing",
                 "lines": [{"label": "Missing video minutes", "amount": "2.50", "statementLineNumber": 1},
                           {"label": "Goodwill", "amount": "1.50"}]}
                """);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String note = drafted.json().path("id").asString();
        assertThat(drafted.header("Location")).isEqualTo("/api/settlement/notes/" + note);
        assertThat(drafted.json().path("netAmount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(drafted.json().path("taxAmount").decimalValue()).isEqualByComparingTo("0.76");
        assertThat(drafted.json().path("totalAmount").decimalValue()).isEqualByComparingTo("4.76");
        assertThat(drafted.json().path("correctsDocumentNumber").asString()).isEqualTo(issued.documentNumber());

        String path = "/api/settlement/notes/" + note;
        assertThat(preparer.post(path + "/issue", "").status()).isEqualTo(409);
        TestHttp.Response fourEyes = preparer.post(path + "/approval", "");
        assertThat(fourEyes.status()).isEqualTo(409);
        assertThat(fourEyes.body()).contains("four-eyes");
        assertThat(second.post(path + "/approval", "").json().path("approvedBy").asString()).isEqualTo("frank");
        TestHttp.Response issuing = preparer.post(path + "/issue", "");
        assertThat(issuing.status()).as(issuing.body()).isEqualTo(200);
        String number = issuing.json().path("documentNumber").asString();
        assertThat(number).matches("ACD-\\d{4}-\\d{6}").isNotEqualTo(issued.documentNumber());
        assertThat(issuing.json().path("issuingEntityId").asString()).isEqualTo("accord-de");
        assertThat(preparer.post(path + "/issue", "").status()).isEqualTo(409);

        Statements.View after = statementService.find(issued.id()).orElseThrow();
        assertThat(after.totalAmount()).isEqualByComparingTo(issued.totalAmount());
        assertThat(after.lines()).hasSize(2);

        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        assertThat(own.get(path).json().path("state").asString()).isEqualTo("ISSUED");
        assertThat(own.get("/api/settlement/notes?statementId=" + issued.id()).json()).hasSize(1);
        // naming another partner is not a way to one's own notes: nothing
        assertThat(own.get("/api/settlement/notes?statementId=" + issued.id() + "&partnerId="
                + UUID.randomUUID()).json()).isEmpty();
        assertThat(own.header("Accept", "application/json").get(path + "/document").json().path("title").asString())
                .isEqualTo("Credit note");
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("pat", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.get(path + "/document").status()).isEqualTo(404);
        assertThat(other.get("/api/settlement/notes?statementId=" + issued.id()).json()).isEmpty();

        StatementIssued event = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> note.equals(record.key()) && "StatementIssued".equals(TestKafka.header(record, "ce_type")),
                1, Duration.ofSeconds(30)).getFirst()), StatementIssued.class);
        assertThat(event.documentType()).isEqualTo("CREDIT_NOTE");
        assertThat(event.correctsStatementId()).isEqualTo(issued.id().toString());
        assertThat(event.documentNumber()).isEqualTo(number);
        assertThat(event.direction()).isEqualTo("PAYABLE");
        assertThat(event.totalAmount()).isEqualTo("4.76");
        assertThat(event.documentSha256()).hasSize(64);
        assertThat(event.lines()).extracting(StatementIssued.Line::amount).containsExactly("2.50", "1.50");
        TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS, record -> note.equals(record.key())
                && ("CorrectionNoteDrafted".equals(TestKafka.header(record, "ce_type"))
                || "CorrectionNoteApproved".equals(TestKafka.header(record, "ce_type"))), 2, Duration.ofSeconds(30));
    }

    @Test
    void aDebitNoteOwesTheOtherWayAndBadInputOrADraftStatementChangeNothing() {
        String partner = statements.partner();
        // a 150.00 line: room for the example's 125.40 credit on line 1
        Statements.View draft = statements.drafted(partner, "300.00");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String notes = "/api/settlement/statements/" + draft.id() + "/notes";
        String debit = """
                {"type": "DEBIT_NOTE", "reason": "double-counted SMS", "lines": [{"label": "SMS", "amount": "1.00"}]}
                """;

        assertThat(finance.post(notes, debit).status()).isEqualTo(409);
        statementService.issue(statementService.approve(draft.id(), "finance-b").id());
        TestHttp.Response type = finance.post(notes, debit.replace("DEBIT_NOTE", "REFUND"));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.body()).contains("type");
        TestHttp.Response decimals = finance.post(notes, debit.replace("1.00", "1.005"));
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.body()).contains("lines[0].amount");
        // an exponent was read (1e0 as 1): a plain decimal only
        TestHttp.Response exponent = finance.post(notes, debit.replace("\"1.00\"", "\"1e0\""));
        assertThat(exponent.status()).as(exponent.body()).isEqualTo(400);
        assertThat(exponent.json().path("violations").get(0).path("field").asString()).isEqualTo("lines[0].amount");
        assertThat(exponent.json().path("violations").get(0).path("message").asString()).contains("plain decimal");
        TestHttp.Response line = finance.post(notes, debit.replace("\"amount\": \"1.00\"",
                "\"amount\": \"1.00\", \"statementLineNumber\": 9"));
        assertThat(line.status()).isEqualTo(400);
        assertThat(line.body()).contains("lines[0].statementLineNumber");
        assertThat(finance.post(notes, "{\"type\": \"DEBIT_NOTE\", \"reason\": \"x\", \"lines\": []}").status())
                .isEqualTo(400);
        TestHttp partnerAdmin = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_ADMIN));
        assertThat(partnerAdmin.post(notes, debit).status()).isEqualTo(403);
        assertThat(finance.get("/api/settlement/notes?statementId=" + draft.id()).json()).isEmpty();

        TestHttp.Response example = finance.post(notes, StatementFixtures.example("credit-note.json"));
        assertThat(example.status()).as(example.body()).isEqualTo(201);
        assertThat(example.json().path("lines").get(0).path("statementLineNumber").asInt()).isEqualTo(1);
        TestHttp.Response created = finance.post(notes, debit);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("direction").asString()).isEqualTo("RECEIVABLE");
        assertThat(created.json().path("totalAmount").decimalValue()).isEqualByComparingTo("1.19");
        assertThat(finance.get("/api/settlement/notes?statementId=" + draft.id() + "&state=DRAFT").json()).hasSize(2);
        assertThat(finance.get("/api/settlement/notes?state=LOST").status()).isEqualTo(400);
    }

    @Test
    void aCreditNoteMayNotTakeMoreOfALineOrTheStatementThanEarlierNotesLeftAnd422NamesWhatTheyTook() {
        // lines 10.00 and 3.00: net 13.00, tax 2.47, total 15.47
        Statements.View issued = statements.issued(statements.partner(), "20.00", "6.00");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String notes = "/api/settlement/statements/" + issued.id() + "/notes";
        TestHttp.Response first = finance.post(notes, credit("6.00", 1));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstId = first.json().path("id").asString();

        TestHttp.Response line = finance.post(notes, credit("4.01", 1));

        assertThat(line.status()).as(line.body()).isEqualTo(422);
        assertThat(line.header("Content-Type")).startsWith("application/problem+json");
        assertThat(line.json().path("type").asString()).endsWith("/note-exceeds-statement");
        assertThat(line.json().path("field").asString()).isEqualTo("lines[0].amount");
        assertThat(line.json().path("statementLineNumber").asInt()).isEqualTo(1);
        assertThat(line.json().path("amount").asString()).isEqualTo("4.01");
        assertThat(line.json().path("statementAmount").asString()).isEqualTo("10.00");
        assertThat(line.json().path("takenAmount").asString()).isEqualTo("6.00");
        assertThat(line.json().path("remainingAmount").asString()).isEqualTo("4.00");
        assertThat(line.json().path("earlierNotes").get(0).path("id").asString()).isEqualTo(firstId);
        assertThat(line.json().path("detail").asString()).contains("line 1", issued.documentNumber(), firstId);
        TestHttp.Response total = finance.post(notes, credit("1000000.00", null));
        assertThat(total.status()).as(total.body()).isEqualTo(422);
        assertThat(total.json().path("field").asString()).isEqualTo("totalAmount");
        assertThat(total.json().path("statementAmount").asString()).isEqualTo("15.47");
        assertThat(total.json().path("remainingAmount").asString()).isEqualTo("8.33"); // 15.47 − 7.14
        assertThat(finance.get("/api/settlement/notes?statementId=" + issued.id()).json()).hasSize(1);

        assertThat(finance.post(notes, credit("4.00", 1)).status()).isEqualTo(201);
        assertThat(finance.post(notes, credit("0.01", 1)).status()).isEqualTo(422);
        TestHttp.Response withdrawn = finance.post("/api/settlement/notes/" + firstId + "/withdrawal",
                "{\"reason\": \"credited the wrong line\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(finance.post(notes, credit("6.00", 1)).status()).as("a withdrawn note counts no more")
                .isEqualTo(201);
    }

    @Test
    void aDebitNoteStaysPossibleWithinTheStatementAndWhatCreditsGaveBack() {
        // one 10.00 line: total 11.90
        Statements.View issued = statements.issued(statements.partner(), "20.00");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String notes = "/api/settlement/statements/" + issued.id() + "/notes";

        TestHttp.Response beyond = finance.post(notes, credit("10.01", 1).replace("CREDIT_NOTE", "DEBIT_NOTE"));
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(422);
        assertThat(beyond.json().path("field").asString()).isEqualTo("lines[0].amount");
        assertThat(finance.post(notes, credit("4.00", 1)).status()).isEqualTo(201);
        TestHttp.Response within = finance.post(notes, credit("14.00", 1).replace("CREDIT_NOTE", "DEBIT_NOTE"));
        assertThat(within.status()).as(within.body()).isEqualTo(201);
        assertThat(within.json().path("direction").asString()).isEqualTo("RECEIVABLE");
    }

    @Test
    void financeWithdrawsADraftOrApprovedNoteWithAReasonAuditedButNotAnIssuedOne() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00");
        TestHttp fiona = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp frank = TestHttp.localPort(port).as(TestJwt.staff("frank", Roles.FINANCE));
        String notes = "/api/settlement/statements/" + issued.id() + "/notes";
        String draft = fiona.post(notes, credit("1.00", 1)).json().path("id").asString();
        String approved = fiona.post(notes, credit("1.00", 1)).json().path("id").asString();
        assertThat(frank.post("/api/settlement/notes/" + approved + "/approval", "").status()).isEqualTo(200);
        String issuedNote = fiona.post(notes, credit("1.00", 1)).json().path("id").asString();
        assertThat(frank.post("/api/settlement/notes/" + issuedNote + "/approval", "").status()).isEqualTo(200);
        assertThat(frank.post("/api/settlement/notes/" + issuedNote + "/issue", "").status()).isEqualTo(200);
        String reason = "{\"reason\": \"drafted against the wrong statement\"}";

        assertThat(fiona.post(withdrawal(draft), "{}").status()).isEqualTo(400);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_ADMIN))
                .post(withdrawal(draft), reason).status()).isEqualTo(403);
        assertThat(fiona.post(withdrawal(UUID.randomUUID().toString()), reason).status()).isEqualTo(404);
        TestHttp.Response withdrawn = fiona.post(withdrawal(draft), reason);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("withdrawnBy").asString()).isEqualTo("fiona");
        assertThat(withdrawn.json().path("withdrawalReason").asString()).isEqualTo("drafted against the wrong statement");
        assertThat(frank.post(withdrawal(approved), reason).json().path("state").asString()).isEqualTo("WITHDRAWN");

        assertThat(frank.post("/api/settlement/notes/" + draft + "/approval", "").status()).isEqualTo(409);
        assertThat(frank.post("/api/settlement/notes/" + approved + "/issue", "").status()).isEqualTo(409);
        assertThat(fiona.post(withdrawal(draft), reason).status()).isEqualTo(409);
        TestHttp.Response issuedRefused = fiona.post(withdrawal(issuedNote), reason);
        assertThat(issuedRefused.status()).isEqualTo(409);
        assertThat(issuedRefused.body()).contains("another note");
        assertThat(fiona.get("/api/settlement/notes/" + issuedNote).json().path("state").asString())
                .isEqualTo("ISSUED");
        assertThat(fiona.get("/api/settlement/notes?statementId=" + issued.id() + "&state=WITHDRAWN").json())
                .hasSize(2);
        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/settlement/audit?resourceType=CorrectionNote&resourceId=" + draft);
        assertThat(trail.json().get(0).path("action").asString()).isEqualTo("withdrawn");
        assertThat(trail.json().get(0).path("actor").asString()).isEqualTo("fiona");
        assertThat(trail.json().get(0).path("before").path("state").asString()).isEqualTo("DRAFT");
        assertThat(trail.json().get(0).path("after").path("state").asString()).isEqualTo("WITHDRAWN");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        assertThat(own.get("/api/settlement/notes/" + draft).status()).isEqualTo(404);
    }

    private static String withdrawal(String note) {
        return "/api/settlement/notes/" + note + "/withdrawal";
    }

    private static String credit(String amount, Integer statementLine) {
        return """
                {"type": "CREDIT_NOTE", "reason": "minutes missing",
                 "lines": [{"label": "Missing minutes", "amount": "%s"%s}]}
                """.formatted(amount, statementLine == null ? "" : ", \"statementLineNumber\": " + statementLine);
    }
}
