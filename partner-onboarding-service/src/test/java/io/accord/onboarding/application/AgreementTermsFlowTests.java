package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.agreement.Agreements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first agreement of an applicant: the tax treatment derived from its country and VAT id (our tax home is DE),
 * and the template applied only in its own currency. Where the template does not fit, the application goes to a
 * partner manager and the agreement starts as a draft that cannot be proposed until staff set its terms (found on
 * 2026-12-07, R13: every partner got German VAT, and 500 EUR became 500 CHF).
 */
@AccordServiceTest
class AgreementTermsFlowTests {

    private static final String REVIEW = "/api/onboarding/admin/applications";
    private static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement";
    private static final String TEMPLATES = "/api/onboarding/agreement-templates";

    @LocalServerPort
    int port;

    private final Agreements agreements;
    private final JdbcClient jdbc;

    AgreementTermsFlowTests(Agreements agreements, JdbcClient jdbc) {
        this.agreements = agreements;
        this.jdbc = jdbc;
    }

    private TestHttp anonymous;
    private TestHttp manager;

    @BeforeEach
    void clients() {
        anonymous = TestHttp.localPort(port);
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-paula", Roles.PARTNER_MANAGER));
    }

    @Test
    void aGermanPartnerGetsTheTemplatesDomesticTaxWithoutAHumanStep() {
        JsonNode submitted = submitted(ott("Heimat Media", "DE", Applicants.uniqueGermanVat(), "EUR"));

        assertThat(submitted.get("status").asString()).isEqualTo("APPROVED");
        assertThat(check(submitted).get("outcome").asString()).isEqualTo("PASSED");
        assertThat(check(submitted).get("reason").asString()).contains("partner in DE, our tax home");
        JsonNode agreement = onlyAgreement(submitted);
        assertThat(agreement.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(agreement.get("terms").get("taxTreatment")).isEqualTo(template("SELL_THROUGH").get("taxTreatment"));
    }

    @Test
    void aFrenchPartnerWithAVatIdIsReverseChargedWithoutAHumanStep() {
        String vat = frenchVat();
        JsonNode submitted = submitted(ott("Bleu Media", "FR", vat, "EUR"));

        assertThat(submitted.get("status").asString()).as(submitted.toString()).isEqualTo("APPROVED");
        assertThat(check(submitted).get("reason").asString()).contains("reverse charge", vat);
        JsonNode agreement = onlyAgreement(submitted);
        assertThat(agreement.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(agreement.get("terms").get("taxTreatment").get("ratePercent").decimalValue()).isZero();
        assertThat(agreement.get("terms").get("taxTreatment").get("reverseCharge").asBoolean()).isTrue();
        assertThat(activatedEvent(submitted)).contains("\"reverseCharge\":true");
    }

    @Test
    void aFrenchPartnerWithoutAVatIdGoesToReviewAndItsAgreementWaitsForStaff() {
        JsonNode submitted = submitted(ott("Sans Numero Media", "FR", "", "EUR"));

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(check(submitted).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(check(submitted).get("reason").asString()).contains("FR", "without a VAT id");

        JsonNode agreement = onlyAgreement(approved(submitted));

        assertThat(agreement.get("status").asString()).isEqualTo("DRAFT");
        assertThat(agreement.get("statusReason").asString()).contains("without a VAT id");
        String partnerId = agreement.get("engagedParty").get(0).get("id").asString();
        assertThat(agreements.inForce(PartnerId.of(partnerId), Instant.now())).isEmpty();
        assertThat(outboxEvents(partnerId)).isZero();
        String id = agreement.get("id").asString();
        TestHttp.Response refused = manager.post(AGREEMENTS + "/" + id + "/proposal", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("without a VAT id");

        // staff decide the treatment themselves (the existing API)
        TestHttp.Response decided = manager.patch(AGREEMENTS + "/" + id,
                "{\"terms\": {\"taxTreatment\": {\"ratePercent\": 20, \"reverseCharge\": false}}}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().has("statusReason")).isFalse();
        assertThat(decided.json().get("terms").get("taxTreatment").get("ratePercent").decimalValue())
                .isEqualByComparingTo("20");
        assertThat(manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);
    }

    @Test
    void partnersOutsideTheEuAreNotChargedEuVat() {
        JsonNode swiss = submitted(ott("Alpen Media", "CH", swissUid(), "EUR"));

        assertThat(swiss.get("status").asString()).as(swiss.toString()).isEqualTo("APPROVED");
        assertThat(check(swiss).get("reason").asString()).contains("partner in CH, outside the EU");
        JsonNode agreement = onlyAgreement(swiss);
        assertThat(agreement.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(agreement.get("terms").get("taxTreatment").get("ratePercent").decimalValue()).isZero();
        assertThat(agreement.get("terms").get("taxTreatment").get("reverseCharge").asBoolean()).isFalse();

        // a partner created by staff, its agreement drafted from the template
        TestHttp.Response created = manager.post("/api/onboarding/partners", """
                {"legalName": "%s", "partnerType": "OTT_CONTENT", "businessModel": "SELL_THROUGH",
                 "country": "US", "settlementCurrency": "EUR"}""".formatted(Applicants.uniqueName("Yankee Media")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestHttp.Response drafted = manager.post(AGREEMENTS, """
                {"name": "Sell-through agreement", "agreementType": "SELL_THROUGH",
                 "engagedParty": [{"id": "%s", "role": "Partner", "@referredType": "Organization"}],
                 "agreementPeriod": {"startDateTime": "%s"}, "@type": "Agreement"}"""
                .formatted(created.json().get("id").asString(), Instant.now().plusSeconds(86_400)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.json().get("terms").get("taxTreatment").get("ratePercent").decimalValue()).isZero();
        assertThat(drafted.json().get("terms").get("taxTreatment").get("reverseCharge").asBoolean()).isFalse();
        assertThat(drafted.json().has("statusReason")).isFalse();
    }

    @Test
    void aPartnerSettlingInAnotherCurrencyGoesToReviewAndKeepsTheTemplatesFiguresUnconverted() {
        JsonNode template = template("RESELL");
        assertThat(template.get("currency").asString()).as("precondition").isNotEqualTo("CHF");
        JsonNode submitted = submitted(ott("Franken Reseller", "DE", Applicants.uniqueGermanVat(), "CHF")
                .replace("\"OTT_CONTENT\"", "\"RESELLER\"").replace("\"SELL_THROUGH\"", "\"RESELL\""));

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(check(submitted).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(check(submitted).get("reason").asString())
                .contains("settles in CHF", "is in " + template.get("currency").asString(), "no exchange rates");

        JsonNode agreement = onlyAgreement(approved(submitted));

        assertThat(agreement.get("status").asString()).isEqualTo("DRAFT");
        assertThat(agreement.get("terms").get("currency")).isEqualTo(template.get("currency"));
        assertThat(agreement.get("terms").get("minimumMonthlyGuarantee"))
                .isEqualTo(template.get("minimumMonthlyGuarantee"));
        assertThat(agreement.get("terms").get("wholesaleRates")).isEqualTo(template.get("wholesaleRates"));
        assertThat(agreement.get("statusReason").asString()).contains("settles in CHF");
        String partnerId = agreement.get("engagedParty").get(0).get("id").asString();
        assertThat(agreements.inForce(PartnerId.of(partnerId), Instant.now())).isEmpty();
        assertThat(outboxEvents(partnerId)).isZero();
        assertThat(manager.post(AGREEMENTS + "/" + agreement.get("id").asString() + "/proposal", null).status())
                .isEqualTo(409);
    }

    private String ott(String name, String country, String taxId, String currency) {
        return Applicants.cleanOtt(Applicants.uniqueName(name), taxId)
                .replace("\"country\": \"DE\"", "\"country\": \"" + country + "\"")
                .replace("\"settlementCurrency\": \"EUR\"", "\"settlementCurrency\": \"" + currency + "\"");
    }

    private JsonNode submitted(String application) {
        Applicants.Draft draft = Applicants.apply(anonymous, application);
        assertThat(draft.attach(anonymous, "TAX_FORM").status()).isEqualTo(201);
        assertThat(draft.attach(anonymous, "BANK_PROOF").status()).isEqualTo(201);
        TestHttp.Response submitted = draft.submit(anonymous);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted.json();
    }

    private JsonNode approved(JsonNode submitted) {
        TestHttp.Response approved = manager.post(REVIEW + "/" + submitted.get("id").asString() + "/approval", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json();
    }

    private static JsonNode check(JsonNode application) {
        for (JsonNode check : application.get("checks")) {
            if ("agreement-terms".equals(check.get("check").asString())) {
                return check;
            }
        }
        throw new AssertionError("no agreement-terms check in " + application);
    }

    private JsonNode onlyAgreement(JsonNode application) {
        JsonNode versions = manager.get(AGREEMENTS + "?engagedParty.id=" + application.get("partnerId").asString())
                .json();
        assertThat(versions).hasSize(1);
        return versions.get(0);
    }

    private JsonNode template(String model) {
        return manager.get(TEMPLATES + "?businessModel=" + model + "&limit=1").json().get(0).get("terms");
    }

    private String activatedEvent(JsonNode application) {
        return jdbc.sql("select payload::text from outbox_event where message_key = :key and event_type ="
                        + " 'AgreementActivated'").param("key", application.get("partnerId").asString())
                .query(String.class).single();
    }

    private long outboxEvents(String partnerId) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :key and event_type ="
                + " 'AgreementActivated'").param("key", partnerId).query(Long.class).single();
    }

    /** A French VAT number: key (12 + 3 × (SIREN mod 97)) mod 97 and a SIREN with a Luhn check digit. */
    private static String frenchVat() {
        String body = String.valueOf(10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int digit = body.charAt(7 - i) - '0';
            // positions counted from the right once the check digit is appended: the body's last digit doubles
            int value = i % 2 == 0 ? digit * 2 : digit;
            sum += value > 9 ? value - 9 : value;
        }
        String siren = body + (10 - sum % 10) % 10;
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return "FR" + String.format("%02d", key) + siren;
    }

    /** A Swiss UID: CHE, 8 digits and a weighted mod-11 check digit (10 is never issued: draw again). */
    private static String swissUid() {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4};
        while (true) {
            String body = String.valueOf(10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (body.charAt(i) - '0') * weights[i];
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return "CHE" + body + check;
            }
        }
    }
}
