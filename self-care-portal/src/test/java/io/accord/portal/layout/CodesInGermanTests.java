package io.accord.portal.layout;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The services' codes on German pages read as German words (docs/portal.md, "Codes in words"), never as codes. */
class CodesInGermanTests extends PortalTestSupport {

    CodesInGermanTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String OFFERING = "0f000000-0000-4000-8000-000000000001";
    private static final String STATEMENT = "5b0d2c0e-0000-4000-8000-000000000001";

    @Test
    void theCatalogShowsOfferingStatesInGerman() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", """
                [{"id":"%s","name":"Streamo Basic","lifecycleStatus":"In study"},
                 {"id":"0f000000-0000-4000-8000-000000000002","name":"Old","lifecycleStatus":"Launched"},
                 {"id":"0f000000-0000-4000-8000-000000000003","name":"Waiting","lifecycleStatus":"In test"}]"""
                .formatted(OFFERING));

        mvc.perform(get("/catalog").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">In Planung<"), containsString(">Eingeführt<"),
                        containsString(">In Prüfung<"), not(containsString(">In study<")),
                        not(containsString(">Launched<")), not(containsString(">In test<")))));
    }

    @Test
    void theOfferingReviewQueueShowsStateAndChangeInGerman() throws Exception {
        STUB.answerJson("GET", "/api/catalog/review-queue", 200, """
                [{"offeringId":"%s","name":"Video Plus","externalId":"off-video-plus","ownerPartnerId":"%s",
                  "status":"LAUNCHED","pendingChange":"NEW_VERSION","categoryCode":"video",
                  "submittedAt":"2026-12-01T09:15:30Z"}]""".formatted(OFFERING, PARTNER_A), Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", "[]");

        mvc.perform(get("/offering-review").header("Accept-Language", "de")
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Eingeführt<"), containsString(">neue Version<"),
                        not(containsString("LAUNCHED")), not(containsString("NEW_VERSION")))));
    }

    @Test
    void theApplicationQueueShowsTypeModelAndFailedChecksInGerman() throws Exception {
        STUB.answerJson("GET", "/api/onboarding/admin/applications", 200, """
                [{"id":"a0000000-0000-4000-8000-000000000001","status":"APPROVED","submittedAt":"2026-12-01T09:00:00Z",
                  "application":{"legalName":"Integra AG","partnerType":"ENTERPRISE_INTEGRATOR",
                                 "businessModel":"CO_CREATE","country":"DE"},
                  "checks":[{"check":"mandatory-data","outcome":"FAILED","reason":"contact missing"}]}]""",
                Map.of("X-Total-Count", "1"));

        mvc.perform(get("/review").header("Accept-Language", "de")
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nicht bestanden (contact missing)"),
                        not(containsString("ENTERPRISE_INTEGRATOR")), not(containsString("CO_CREATE")),
                        not(containsString("mandatory-data")), not(containsString("FAILED")),
                        not(containsString(">APPROVED<")))));
    }

    @Test
    void aStatementShowsItsStateAndLineTypesInGerman() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","partnerId":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR",
                 "netAmount":10.00,"taxAmount":0,"totalAmount":10.00,"documentNumber":"ST-2026-000042",
                 "lines":[{"type":"USAGE_REVENUE_SHARE","label":"Video, minutes","rounded":10.00}]}"""
                .formatted(STATEMENT, PARTNER_A));
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT + "/payments", "[]");
        STUB.answerJson("GET", "/api/settlement/notes", 200, "[]", Map.of("X-Total-Count", "0"));

        mvc.perform(get("/statements/" + STATEMENT).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Ausgestellt<"),
                        containsString("Umsatzanteil aus Nutzung"), not(containsString("ISSUED")),
                        not(containsString("USAGE_REVENUE_SHARE")))));
    }

    @Test
    void theUsageExplorerNamesTheOfferingAndTheUsageTypeInGerman() throws Exception {
        STUB.answerJson("GET", "/api/rating/rollups", """
                {"rows":[{"bucket":"2026-11-01T00:00:00Z","offeringId":"%s","usageType":"VOICE","billedUnit":"S",
                          "currency":"EUR","quantity":"180","charge":"1.800000","partnerShare":"0.540000",
                          "wholesale":"0.000000","records":2}]}""".formatted(OFFERING));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + OFFERING, """
                {"id":"%s","name":"Streamo Basic"}""".formatted(OFFERING));

        mvc.perform(get("/usage?from=2026-11-01&to=2026-11-30").header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Streamo Basic<"), containsString(">Sprache<"),
                        not(containsString(">" + OFFERING + "<")), not(containsString(">VOICE<")))));
    }
    @Test
    void suspenseReasonsReadAsGermanWordsOnTheSuspensePageAndInTheUsageLookup() throws Exception {
        STUB.answerJson("GET", "/api/rating/suspense/summary", """
                {"total":3,"byReason":[{"key":"NO_PRICE","count":2},{"key":"AMBIGUOUS_PRODUCT","count":1}],
                 "bySource":[{"key":"mediation-eu","count":3}],"byAge":[{"key":"<1h","count":3}]}""");
        STUB.answerJson("GET", "/api/rating/suspense", 200, """
                [{"suspenseId":"5u000000-0000-4000-8000-000000000001","source":"mediation-eu","usageId":"cdr-1",
                  "subscriberId":"+4915100001","usageType":"VOICE","usageTime":"2026-11-30T08:00:00Z",
                  "reason":"NO_PRICE","detail":"no price of off-video in force","status":"OPEN",
                  "suspendedAt":"2026-11-30T08:00:05Z"}]""", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/suspense").header("Accept-Language", "de").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Kein Preis für die Nutzungsart<"),
                        containsString(">Mehrere Produkte passen<"), not(containsString(">NO_PRICE<")),
                        not(containsString(">AMBIGUOUS_PRODUCT<")), not(containsString("Grund NO_PRICE")))));

        STUB.answerJson("GET", "/api/rating/usage/fate", """
                {"source":"mediation-eu","usageId":"cdr-7","fate":"WRITTEN_OFF","ratings":[],"duplicates":[],
                 "suspense":[{"reason":"NO_AGREEMENT","detail":"no agreement of partner x","status":"WRITTEN_OFF",
                              "suspendedAt":"2026-12-01T08:00:00Z"}]}""");
        STUB.answerJson("GET", "/api/rating/rollups", "{\"rows\":[]}");
        mvc.perform(get("/usage?source=mediation-eu&usageId=cdr-7").header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Keine gültige Vereinbarung<"),
                        containsString(">Abgeschrieben<"), not(containsString("NO_AGREEMENT")),
                        not(containsString(">WRITTEN_OFF<")))));
    }

    @Test
    void aDocumentsTypeAndAnAgreementsTypeReadInGerman() throws Exception {
        String document = "d0c00000-0000-4000-8000-000000000003";
        STUB.answerJson("GET", "/tmf-api/document/v4/document/" + document, """
                {"id":"%s","name":"Steuernachweis","documentType":"TAX_FORM","version":"1",
                 "lastUpdate":"2026-11-30T08:15:00Z"}""".formatted(document));
        STUB.answerJson("GET", "/tmf-api/document/v4/document/" + document + "/version", "[]");
        mvc.perform(get("/documents/" + document).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Steuerformular<"),
                        not(containsString("TAX_FORM<")))));

        String agreement = "a9000000-0000-4000-8000-000000000001";
        STUB.answerJson("GET", "/tmf-api/agreementManagement/v4/agreement/" + agreement, """
                {"id":"%s","name":"Vereinbarung","agreementType":"SELL_THROUGH","status":"ACTIVE","version":"2",
                 "partnerId":"%s"}""".formatted(agreement, PARTNER_A));
        mvc.perform(get("/agreements/" + agreement).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dd>Vertrieb durch uns</dd>"),
                        not(containsString("SELL_THROUGH")))));
    }

    @Test
    void auditResourceTypesAndAFailingStepReadInGerman() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, """
                [{"service":"rating","id":7,"occurredAt":"2026-12-01T10:14:00Z","actor":"system","partnerId":null,
                  "resourceType":"UsageSuspense","resourceId":"s-1","action":"RECYCLE","before":null,"after":null,
                  "correlationId":"beef"}]""", Map.of("X-Total-Count", "1"));
        mvc.perform(get("/audit").header("Accept-Language", "de").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Nutzung in Klärung s-1<"),
                        containsString("label=\"Nutzung in Klärung\""), not(containsString("UsageSuspense s-1")))));

        STUB.answerJson("GET", "/api/orchestration/fallout", 200, """
                [{"sagaId":"5a9a0000-0000-4000-8000-000000000001","reference":"productOrder/x/1","state":"RUNNING",
                  "reason":"no ICCID left","step":{"type":"RESERVE_RESOURCE","state":"PENDING","attempts":3,
                  "maxAttempts":5,"nextAttemptAt":"2026-12-01T10:05:00Z","lastError":"no ICCID left"}}]""",
                Map.of("X-Total-Count", "1"));
        mvc.perform(get("/fallout").header("Accept-Language", "de").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Ressourcen reservieren<"),
                        not(containsString("RESERVE_RESOURCE")))));
    }
}
