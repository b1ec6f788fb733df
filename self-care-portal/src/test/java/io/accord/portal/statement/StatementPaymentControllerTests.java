package io.accord.portal.statement;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static io.accord.portal.statement.StatementControllerTests.ISSUED;
import static io.accord.portal.statement.StatementControllerTests.PAYMENT;
import static io.accord.portal.statement.StatementControllerTests.STATEMENT_PATH;
import static io.accord.portal.statement.StatementControllerTests.answersAnIssuedStatement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Finance records a payment from the statement's page; settlement's refusals and the portal's own are shown there. */
class StatementPaymentControllerTests extends PortalTestSupport {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String SECOND_PAYMENT = "8a0e0000-0000-4000-8000-0000000000b2";
    private static final String PAYMENTS = STATEMENT_PATH + "/payments";

    StatementPaymentControllerTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void recordingAPaymentSendsItsBodyAndTheStatementShowsTheNoticeAndThePayment() throws Exception {
        STUB.answerJson("POST", PAYMENTS, 201, """
                {"id":"%s","statementId":"%s","direction":"PAYABLE","amount":8.27,"currency":"EUR",
                 "paidOn":"2026-12-05","reference":"SEPA-2026-12-05-0042","remainingAmount":5.00,
                 "statementState":"ISSUED","recordedBy":"finance","recordedAt":"2026-12-05T11:00:00Z"}"""
                .formatted(SECOND_PAYMENT, ISSUED), Map.of("Location", PAYMENTS));

        MvcResult recorded = mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", " 8.27 ").param("currency", "EUR").param("paidOn", "2026-12-05")
                        .param("reference", "  SEPA-2026-12-05-0042 ").param("direction", "PAYABLE")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED))
                .andReturn();

        assertThat(STUB.requestsTo("POST", PAYMENTS)).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"amount\":\"8.27\",\"currency\":\"EUR\",\"paidOn\":\"2026-12-05\","
                    + "\"reference\":\"SEPA-2026-12-05-0042\",\"direction\":\"PAYABLE\"}");
            assertThat(call.authorization()).isEqualTo("Bearer finance-token");
        });

        answersAnIssuedStatement("");
        STUB.answerJson("GET", PAYMENTS, """
                [{"id":"%s","amount":5.00,"currency":"EUR","paidOn":"2026-12-03","reference":"SEPA-2026-12-03-0007",
                  "remainingAmount":13.27,"recordedBy":"finance","recordedAt":"2026-12-03T08:15:30Z"},
                 {"id":"%s","amount":8.27,"currency":"EUR","paidOn":"2026-12-05","reference":"SEPA-2026-12-05-0042",
                  "remainingAmount":5.00,"recordedBy":"finance","recordedAt":"2026-12-05T11:00:00Z"}]"""
                .formatted(PAYMENT, SECOND_PAYMENT));
        mvc.perform(get("/statements/" + ISSUED).flashAttrs(recorded.getFlashMap())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("role=\"status\">Payment of 8.27 EUR recorded (reference SEPA-2026-12-05-0042)."
                                + " Remaining to pay: 5.00 EUR.</div>"),
                        containsString("<span class=\"badge good\">new</span>"),
                        containsString("<strong data-testid=\"remaining\">5.00 EUR</strong>"))));
    }

    @Test
    void aRefusedPaymentIsShownWithSettlementsReasonAndTheInputKept() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("POST", PAYMENTS, 422, """
                {"type":"https://accord.example/problems/over-payment","title":"Unprocessable Content","status":422,
                 "detail":"Statement ST-2026-000042 has 13.27 EUR left to pay; a payment of 20 would over-pay it",
                 "remainingAmount":"13.27"}""", Map.of());

        mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", "20.00").param("currency", "EUR").param("paidOn", "2026-12-05")
                        .param("reference", "SEPA-2026-12-05-0043").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("The payment was not recorded."),
                        containsString("Statement ST-2026-000042 has 13.27 EUR left to pay; a payment of 20 would "
                                + "over-pay it"),
                        containsString("value=\"20.00\""), containsString("value=\"SEPA-2026-12-05-0043\""),
                        containsString("Record a payment"), containsString("SEPA-2026-12-03-0007"))));
        assertThat(STUB.requestsTo("POST", PAYMENTS)).hasSize(1);
    }

    @Test
    void settlementsViolationIsShownAtItsField() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("POST", PAYMENTS, 400, """
                {"status":400,"detail":"Invalid request",
                 "violations":[{"field":"paidOn","message":"must not be in the future"}]}""",
                Map.of());

        mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", "1").param("currency", "EUR").param("paidOn", "2099-01-01")
                        .param("reference", "R-1").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("aria-invalid=\"true\" aria-describedby=\"payment-paid-on-error\""),
                        containsString("<span id=\"payment-paid-on-error\" class=\"field-error\">"
                                + "must not be in the future</span>"),
                        containsString("value=\"2099-01-01\""),
                        // the summary says how many fields to correct
                        containsString("Please correct the 1 marked field(s)."))));
    }

    @Test
    void aPaymentOfAStatementThatMovedOnIsRefusedWithTheReasonAndNoForm() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("POST", PAYMENTS, 409, """
                {"status":409,"detail":"Cannot record a payment of statement %s: it is PAID, not ISSUED"}"""
                .formatted(ISSUED), Map.of());
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"PAID","direction":"PAYABLE","currency":"EUR","totalAmount":18.27,
                 "paidAmount":18.27,"documentNumber":"ST-2026-000042","lines":[]}""".formatted(ISSUED));

        mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", "1.00").param("currency", "EUR").param("paidOn", "2026-12-05")
                        .param("reference", "R-2").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The payment was not recorded."),
                        containsString("it is PAID, not ISSUED"), containsString("18.27 EUR"),
                        not(containsString("Record a payment")))));
    }

    @Test
    void amountsAreReadInTheUsersLanguageAndWhatCouldBeReadTwoWaysIsRefused() throws Exception {
        // as typed, in which language, what settlement gets (null: refused at the field, nothing sent)
        String[][] cases = {
                {"1,000", "en", "1000"}, {"1.000", "de", "1000"}, {"62.015,72", "de", "62015.72"},
                {"1000.50", "en", "1000.50"}, {"1000,50", "de", "1000.50"}, {"1,234.5", "en", "1234.5"},
                {"1,5", "en", null}, {"1.5", "de", null}, {"1.000,505", "de", null}, {"10,00,000", "en", null}};
        for (String[] typed : cases) {
            STUB.reset();
            answersAnIssuedStatement("");
            STUB.answerJson("POST", PAYMENTS, 201, """
                    {"id":"%s","amount":1,"currency":"EUR","reference":"R-1","remainingAmount":0}"""
                    .formatted(SECOND_PAYMENT), Map.of());
            var result = mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                    .header("Accept-Language", typed[1]).param("amount", typed[0]).param("currency", "EUR")
                    .param("paidOn", "2026-12-05").param("reference", "R-1")
                    .with(TestUsers.staff("finance", "finance")));
            if (typed[2] == null) {
                result.andExpect(status().isBadRequest())
                        .andExpect(content().string(allOf(containsString("id=\"payment-amount-error\""),
                                containsString("de".equals(typed[1]) ? "z. B. 1.234,50" : "e.g. 1,234.50"))));
                assertThat(STUB.requestsTo("POST", PAYMENTS)).as(typed[0]).isEmpty();
            } else {
                result.andExpect(redirectedUrl("/statements/" + ISSUED));
                assertThat(JSON.readTree(STUB.requestsTo("POST", PAYMENTS).getFirst().body()).path("amount")
                        .asString()).as(typed[0] + " in " + typed[1]).isEqualTo(typed[2]);
            }
        }
    }

    @Test
    void theFormsOwnMistakesAreA400AtTheirFieldsWithNothingSent() throws Exception {
        answersAnIssuedStatement("");

        mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", "1e3").param("currency", "EUR").param("paidOn", "")
                        .param("reference", "  ").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"payment-amount-error\" class=\"field-error\">Enter a positive amount"),
                        containsString("<span id=\"payment-paid-on-error\" class=\"field-error\">Enter the date"),
                        containsString("<span id=\"payment-reference-error\" class=\"field-error\">Enter the bank"),
                        containsString("value=\"1e3\""))));
        mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", "0.00").param("currency", "EUR").param("paidOn", "2026-12-05")
                        .param("reference", "R-3").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"payment-amount-error\"")));
        assertThat(STUB.requestsTo("POST", PAYMENTS)).isEmpty();
    }

    @Test
    void onlyFinanceRecordsPaymentsAndNothingIsSentForAnyoneElse() throws Exception {
        for (var other : java.util.List.of(TestUsers.partner("partner-admin"), TestUsers.staff("auditor", "auditor"),
                TestUsers.staff("platform-admin", "platform-admin"))) {
            mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                            .param("amount", "1.00").param("currency", "EUR").param("paidOn", "2026-12-05")
                            .param("reference", "R-4").with(other))
                    .andExpect(status().isForbidden());
        }
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void withoutItsCsrfTokenTheFormIsRefused() throws Exception {
        mvc.perform(post("/statements/" + ISSUED + "/payments")
                        .param("amount", "1.00").param("currency", "EUR").param("paidOn", "2026-12-05")
                        .param("reference", "R-5").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aPaymentOfAnUnknownStatementIsNotFound() throws Exception {
        mvc.perform(post("/statements/" + ISSUED + "/payments").with(csrf())
                        .param("amount", "1.00").param("currency", "EUR").param("paidOn", "2026-12-05")
                        .param("reference", "R-6").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This was not found.")));
    }
}
