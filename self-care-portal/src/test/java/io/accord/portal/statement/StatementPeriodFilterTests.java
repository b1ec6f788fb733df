package io.accord.portal.statement;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

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

/** The statements list filtered by settlement period, the periods named by their bounds (2026-11), never by id. */
class StatementPeriodFilterTests extends PortalTestSupport {

    private static final String NOVEMBER = "9e7a0000-0000-4000-8000-0000000000b1";
    private static final String EARLY = "9e7a0000-0000-4000-8000-0000000000b2";
    private static final String Q3 = "9e7a0000-0000-4000-8000-0000000000b3";
    private static final String STATEMENT = "5b0d2c0e-0000-4000-8000-0000000000f1";

    StatementPeriodFilterTests(MockMvc mvc) {
        super(mvc);
    }

    private static void answersPeriods() {
        STUB.answerJson("GET", "/api/settlement/periods", 200, """
                [{"id":"%s","startAt":"2026-12-01T00:00:00Z","endAt":"2026-12-06T14:30:00Z","state":"CLOSED"},
                 {"id":"%s","startAt":"2026-11-01T00:00:00Z","endAt":"2026-12-01T00:00:00Z","state":"CLOSED"},
                 {"id":"%s","startAt":"2026-07-01T00:00:00Z","endAt":"2026-10-01T00:00:00Z","state":"CLOSED"}]"""
                .formatted(EARLY, NOVEMBER, Q3), Map.of("X-Total-Count", "3"));
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"%s","partnerId":"%s","periodId":"%s","state":"DRAFT","direction":"PAYABLE","currency":"EUR",
                  "totalAmount":1.19}]""".formatted(STATEMENT, PARTNER_A, NOVEMBER), Map.of("X-Total-Count", "1"));
    }

    @Test
    void staffChooseAmongTheChosenPartnersPeriodsByTheirBoundsAndSettlementIsAskedForThePeriod() throws Exception {
        answersPeriods();

        mvc.perform(get("/statements").param("partnerId", PARTNER_A).param("periodId", NOVEMBER)
                        .param("state", "DRAFT").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<select id=\"statement-period\" name=\"periodId\">"),
                        containsString("<option value=\"" + NOVEMBER + "\" selected=\"selected\">2026-11</option>"),
                        containsString("<option value=\"" + Q3 + "\">2026-Q3</option>"),
                        containsString("<option value=\"" + EARLY + "\">2026-12-01 00:00 – 2026-12-06 14:30 UTC</option>"),
                        // the period goes along with the approval buttons and the paging, as the other filters
                        containsString("<input type=\"hidden\" name=\"periodId\" value=\"" + NOVEMBER + "\">"))));
        assertThat(STUB.requestsTo("GET", "/api/settlement/periods")).singleElement()
                .extracting(StubGateway.Request::query)
                .isEqualTo("partnerId=" + PARTNER_A + "&offset=0&limit=" + StatementPeriods.LIMIT);
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements")).singleElement()
                .extracting(StubGateway.Request::query)
                .isEqualTo("partnerId=" + PARTNER_A + "&periodId=" + NOVEMBER + "&state=DRAFT&offset=0&limit=50");
    }

    @Test
    void germanPagesNameThePeriodsTheGermanWay() throws Exception {
        answersPeriods();

        mvc.perform(get("/statements").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"statement-period\">Periode</label>"),
                        containsString(">Alle Perioden</option>"), containsString(">11.2026</option>"),
                        containsString(">Q3 2026</option>"),
                        containsString(">01.12.2026, 00:00 – 06.12.2026, 14:30 UTC</option>"))));
        // a partner chooses among its own periods, as settlement lists them to it
        assertThat(STUB.requestsTo("GET", "/api/settlement/periods")).singleElement()
                .extracting(StubGateway.Request::query).isEqualTo("offset=0&limit=" + StatementPeriods.LIMIT);
    }

    @Test
    void staffWithoutAPartnerAreToldToChooseOneAndNoPeriodsAreAsked() throws Exception {
        answersPeriods();

        mvc.perform(get("/statements").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("statement-period")),
                        containsString("Choose a partner to filter by its settlement periods."))));
        assertThat(STUB.requestsTo("GET", "/api/settlement/periods")).isEmpty();
    }

    @Test
    void aMalformedPeriodIsABadRequestWithNothingAskedAndTheWayBackKeepsAGoodOne() throws Exception {
        mvc.perform(get("/statements").param("periodId", "2026-11").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This period is not one we know")));
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements")).isEmpty();

        STUB.answerJson("POST", "/api/settlement/statements/" + STATEMENT + "/approval",
                "{\"id\":\"%s\",\"state\":\"APPROVED\"}".formatted(STATEMENT));
        mvc.perform(post("/statements/" + STATEMENT + "/approval").param("partnerId", PARTNER_A)
                        .param("periodId", NOVEMBER).with(csrf()).with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements?partnerId=" + PARTNER_A + "&periodId=" + NOVEMBER));
    }

    @Test
    void periodsAreNamedByTheirBounds() {
        java.util.Locale en = java.util.Locale.ENGLISH;
        java.util.Locale de = java.util.Locale.GERMAN;
        assertThat(StatementPeriods.label("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", en)).isEqualTo("2026-11");
        assertThat(StatementPeriods.label("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", de)).isEqualTo("12.2026");
        assertThat(StatementPeriods.label("2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z", en)).isEqualTo("2026-Q4");
        assertThat(StatementPeriods.label("2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z", de)).isEqualTo("H2 2026");
        assertThat(StatementPeriods.label("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", en)).isEqualTo("2026");
        // a partner's first period starts with its agreement, not on the 1st
        assertThat(StatementPeriods.label("2026-11-15T00:00:00Z", "2026-12-01T00:00:00Z", de))
                .isEqualTo("15.11.2026 – 01.12.2026");
        // two months are not a cycle: named by their bounds
        assertThat(StatementPeriods.label("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z", en))
                .isEqualTo("2026-11-01 – 2027-01-01");
    }
}
