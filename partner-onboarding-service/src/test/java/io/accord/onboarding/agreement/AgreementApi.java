package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agreement API as staff and partner admins call it, for tests. */
final class AgreementApi {

    static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement";
    static final String TEMPLATES = "/api/onboarding/agreement-templates";

    final TestHttp manager;
    /** A second partner manager: approves the terms {@link #manager} drafted and proposed (four-eyes). */
    final TestHttp secondManager;
    final TestHttp auditor;
    private final int port;

    AgreementApi(int port) {
        this.port = port;
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("pm-anna", Roles.PARTNER_MANAGER));
        this.secondManager = TestHttp.localPort(port).as(TestJwt.staff("pm-bert", Roles.PARTNER_MANAGER));
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
    }

    /** A new ACTIVE SELL_THROUGH partner settling in EUR. */
    String newPartner(String legalName) {
        TestHttp.Response created = manager.post("/api/onboarding/partners", """
                {"legalName": "%s", "partnerType": "OTT_CONTENT", "businessModel": "SELL_THROUGH",
                 "country": "DE", "settlementCurrency": "EUR"}""".formatted(legalName));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    TestHttp partnerAdmin(String partnerId) {
        return TestHttp.localPort(port).as(TestJwt.partner("admin-" + partnerId.substring(0, 8), partnerId,
                Roles.PARTNER_ADMIN));
    }

    String draft(String partnerId, Instant start, String terms) {
        TestHttp.Response created = manager.post(AGREEMENTS, body(partnerId, start, terms));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    String proposed(String partnerId, Instant start, String terms) {
        String id = draft(partnerId, start, terms);
        assertThat(manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);
        return id;
    }

    /** Proposed by {@link #manager}, its terms approved by {@link #secondManager}: the partner may countersign. */
    String approved(String partnerId, Instant start, String terms) {
        String id = proposed(partnerId, start, terms);
        TestHttp.Response approved = secondManager.post(AGREEMENTS + "/" + id + "/approval", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    /** A version countersigned by the partner's admin: ACTIVE at once if {@code start} has come. */
    String countersigned(String partnerId, Instant start, String terms) {
        String id = approved(partnerId, start, terms);
        TestHttp.Response signed = partnerAdmin(partnerId).post(AGREEMENTS + "/" + id + "/countersignature", null);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        return id;
    }

    String status(String agreementId) {
        return manager.get(AGREEMENTS + "/" + agreementId).json().get("status").asString();
    }

    /** The audit actions on a resource, oldest first. */
    List<String> auditActions(String resourceId) {
        List<String> actions = new ArrayList<>();
        auditor.get("/api/onboarding/audit?resourceId=" + resourceId).json()
                .forEach(entry -> actions.addFirst(entry.get("action").asString()));
        return actions;
    }

    static String body(String partnerId, Instant start, String terms) {
        return """
                {"name": "Sell-through agreement", "agreementType": "SELL_THROUGH",
                 "engagedParty": [{"id": "%s", "role": "Partner", "@referredType": "Organization"}],
                 "agreementPeriod": {"startDateTime": "%s"},
                 "agreementItem": [{"termOrCondition": []}],
                 "@type": "Agreement",
                 "terms": %s}""".formatted(partnerId, start, terms);
    }
}
