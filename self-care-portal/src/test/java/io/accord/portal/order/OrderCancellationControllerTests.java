package io.accord.portal.order;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The partner cancels an order before its point of no return (TMF622 cancelProductOrder). */
class OrderCancellationControllerTests extends PortalTestSupport {

    OrderCancellationControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String ORDERS = QuotesControllerTests.ORDERS;
    private static final String CANCEL = "/tmf-api/productOrderingManagement/v4/cancelProductOrder";
    private static final String ORDER = "0d000000-0000-4000-8000-0000000000c1";
    private static final String CANCELLATION = "ca000000-0000-4000-8000-000000000001";

    private static void order(String state, String cancellationReason) {
        STUB.answerJson("GET", ORDERS + "/" + ORDER, """
                {"id":"%s","state":"%s","orderDate":"2026-12-01T10:00:00Z",%s
                 "productOrderItem":[{"id":"1","action":"add","quantity":1,"state":"inProgress",
                   "productOffering":{"id":"off-1","name":"IoT SIM"}}]}"""
                .formatted(ORDER, state, cancellationReason == null ? ""
                        : "\"cancellationReason\":\"" + cancellationReason + "\","));
    }

    @Test
    void aRunningOrderIsCancelledWithTheTmfRequestAndThePageFollowsIt() throws Exception {
        order("inProgress", null);
        mvc.perform(get("/orders/" + ORDER).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("action=\"/orders/" + ORDER + "/cancellation\""),
                        containsString("<label for=\"cancellation-reason\">Why you cancel it</label>"))));

        STUB.answerJson("POST", CANCEL, 201, """
                {"id":"%s","state":"inProgress","cancellationReason":"customer changed their mind",
                 "productOrder":{"id":"%s"},"@type":"CancelProductOrder"}""".formatted(CANCELLATION, ORDER), Map.of());
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", " customer changed their mind ")
                        .with(csrf()).with(TestUsers.partner("partner-user")))
                .andExpect(redirectedUrl("/orders/" + ORDER))
                .andExpect(flash().attribute("noticeKey", "orderCancel.accepted"))
                .andExpect(flash().attribute("cancellation", Map.of("id", CANCELLATION, "state", "inProgress")));
        var sent = STUB.requestsTo("POST", CANCEL).getFirst();
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
                {"productOrder":{"id":"%s","@referredType":"ProductOrder"},
                 "cancellationReason":"customer changed their mind","@type":"CancelProductOrder"}""".formatted(ORDER)));
        assertThat(sent.authorization()).isEqualTo("Bearer partner-token");

        order("pendingCancellation", "customer changed their mind");
        mvc.perform(get("/orders/" + ORDER).flashAttr("noticeKey", "orderCancel.accepted")
                        .flashAttr("cancellation", Map.of("id", CANCELLATION, "state", "inProgress"))
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The cancellation was accepted."),
                        containsString("Cancellation requested (state: inProgress)"),
                        containsString(">Cancellation pending<"), containsString("hx-trigger=\"every 5s\""),
                        containsString("customer changed their mind"),
                        not(containsString("action=\"/orders/" + ORDER + "/cancellation\"")))));
    }

    @Test
    void pastThePointOfNoReturnTheServicesReasonIsShownAtTheForm() throws Exception {
        order("inProgress", null);
        STUB.answerJson("POST", CANCEL, 409, """
                {"status":409,"detail":"Product order %s cannot be cancelled: the COMPLETE step of item 1 has started (the point of no return)"}"""
                .formatted(ORDER), Map.of());
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", "too late?").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"cancel-problem\""),
                        containsString("the COMPLETE step of item 1 has started (the point of no return)"),
                        containsString(">too late?</textarea>"))));
        assertThat(STUB.requestsTo("GET", ORDERS + "/" + ORDER)).as("the order read anew").hasSize(1);
    }

    @Test
    void aMissingReasonIsRefusedAtTheFieldAndNothingIsSent() throws Exception {
        order("inProgress", null);
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", "  ").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"cancellation-reason-error\""),
                        containsString("Say why you cancel the order"), containsString("aria-invalid=\"true\""))));
        assertThat(STUB.requestsTo("POST", CANCEL)).isEmpty();
    }

    @Test
    void aRefusalForAnOrderThatMovedOnOffersNoFormAgain() throws Exception {
        // the service refused: the order completed meanwhile; the page showed the form again on a completed order
        order("completed", null);
        STUB.answerJson("POST", CANCEL, 409, """
                {"status":409,"detail":"Product order %s cannot be cancelled: it is completed"}""".formatted(ORDER),
                Map.of());
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", "too late?").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"cancel-problem\""),
                        containsString("cannot be cancelled: it is completed"),
                        not(containsString("action=\"/orders/" + ORDER + "/cancellation\"")),
                        not(containsString("id=\"cancellation-reason\"")))));

        // a blank reason for an order that completed meanwhile: why it cannot be cancelled, no form, nothing sent
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", " ").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("the order is completed and can no longer be cancelled."),
                        not(containsString("id=\"cancellation-reason\"")))));
        assertThat(STUB.requestsTo("POST", CANCEL)).hasSize(1);
    }

    @Test
    void theServicesFieldViolationIsShownAtTheReason() throws Exception {
        order("acknowledged", null);
        STUB.answerJson("POST", CANCEL, 400, """
                {"status":400,"detail":"The request has invalid fields: cancellationReason.",
                 "violations":[{"field":"cancellationReason","message":"size must be between 0 and 2000"}]}""",
                Map.of());
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", "why not").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"cancellation-reason-error\" class=\"field-error\">size must be between 0 and 2000</span>"),
                        containsString("aria-describedby=\"cancellation-reason-error\""))));
    }

    @Test
    void aFinishedOrderOffersNoCancellation() throws Exception {
        order("completed", null);
        mvc.perform(get("/orders/" + ORDER).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Cancel the order"))));
        order("cancelled", "duplicate order");
        mvc.perform(get("/orders/" + ORDER).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("Reason for the cancellation"),
                        containsString("duplicate order"), not(containsString("id=\"cancellation-reason\"")))));
    }

    @Test
    void staffCannotCancelThroughThePartnerPages() throws Exception {
        mvc.perform(post("/orders/" + ORDER + "/cancellation").param("reason", "x").with(csrf())
                        .with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void theCancellationSpeaksGerman() throws Exception {
        order("inProgress", null);
        mvc.perform(get("/orders/" + ORDER).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("Bestellung stornieren"),
                        containsString("Warum Sie stornieren"))));
    }
}
