package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public API the onboarding flow calls when it activates a partner. */
@AccordServiceTest
class AgreementsTests {

    @LocalServerPort
    int port;
    private final Agreements agreements;
    private final JdbcClient jdbc;

    AgreementsTests(Agreements agreements, JdbcClient jdbc) {
        this.agreements = agreements;
        this.jdbc = jdbc;
    }

    private TransactionTemplate transaction;
    private AgreementApi api;

    @BeforeEach
    void setUp(@Autowired PlatformTransactionManager transactions) {
        transaction = new TransactionTemplate(transactions);
        api = new AgreementApi(port);
    }

    @Test
    void startsAnActiveFirstVersionFromTheCurrentTemplateInItsCurrency() {
        PartnerId partner = PartnerId.of(api.newPartner("Zero Touch Inc"));
        Instant now = Instant.now();

        AgreementRef started = transaction.execute(status ->
                agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "EUR", now));

        assertThat(started.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(started.version()).isEqualTo(1);
        assertThat(started.businessModel()).isEqualTo(BusinessModel.SELL_THROUGH);
        assertThat(agreements.inForce(partner, Instant.now())).map(AgreementRef::id).contains(started.id());
        assertThat(agreements.inForce(partner, now.minusSeconds(3600))).isEmpty();
        JsonNode shown = api.manager.get(AGREEMENTS + "/" + started.id()).json();
        JsonNode template = api.manager.get(AgreementApi.TEMPLATES + "?businessModel=SELL_THROUGH&limit=1").json()
                .get(0);
        assertThat(shown.get("agreementSpecification").get("id").asString()).isEqualTo(template.get("id").asString());
        assertThat(shown.get("name").asString()).as("named in words, not by the API code SELL_THROUGH")
                .isEqualTo("Sell-through agreement with Zero Touch Inc");
        assertThat(shown.get("terms").get("currency").asString()).isEqualTo("EUR");
        assertThat(shown.get("terms").get("minimumMonthlyGuarantee")).isEqualTo(template.get("terms")
                .get("minimumMonthlyGuarantee"));
        assertThat(shown.has("statusReason")).as("no open points").isFalse();
        assertThat(shown.get("agreementAuthorization").get(0).get("signatureRepresentation").asString())
                .isEqualTo("onboarding policy");
        assertThat(outboxEvents(partner, "AgreementActivated")).isEqualTo(1);
        assertThat(api.auditActions(started.id().toString())).containsExactly("created");
    }

    /** Onboarding has no exchange rates: 100 EUR is never relabelled 100 USD (found on 2026-12-07, R13). */
    @Test
    void aPartnerSettlingInAnotherCurrencyGetsADraftWithTheTemplatesOwnFiguresAndNothingInForce() {
        PartnerId partner = PartnerId.of(api.newPartner("Dollar Settling Inc"));
        JsonNode template = api.manager.get(AgreementApi.TEMPLATES + "?businessModel=SELL_THROUGH&limit=1").json()
                .get(0);
        assertThat(template.get("terms").get("currency").asString()).as("precondition").isNotEqualTo("USD");

        AgreementRef started = transaction.execute(status ->
                agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "USD", Instant.now()));

        assertThat(started.status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(agreements.inForce(partner, Instant.now())).isEmpty();
        assertThat(outboxEvents(partner, "AgreementActivated")).isZero();
        JsonNode shown = api.manager.get(AGREEMENTS + "/" + started.id()).json();
        assertThat(shown.get("terms").get("currency")).isEqualTo(template.get("terms").get("currency"));
        assertThat(shown.get("terms").get("minimumMonthlyGuarantee"))
                .isEqualTo(template.get("terms").get("minimumMonthlyGuarantee"));
        assertThat(shown.get("statusReason").asString()).contains("settles in USD", "onboarding has no exchange rates");

        TestHttp.Response proposed = api.manager.post(AGREEMENTS + "/" + started.id() + "/proposal", null);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(409);
        assertThat(proposed.json().get("detail").asString()).contains("settles in USD");
        assertThat(api.status(started.id().toString())).isEqualTo("DRAFT");

        TestHttp.Response renamed = api.manager.patch(AGREEMENTS + "/" + started.id(), "{\"name\": \"Renamed\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("statusReason").asString()).as("open until the terms change")
                .contains("settles in USD");

        TestHttp.Response set = api.manager.patch(AGREEMENTS + "/" + started.id(), "{\"terms\": "
                + AgreementFixtures.termsJson("\"EUR\"", "\"USD\"") + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().has("statusReason")).isFalse();
        assertThat(set.json().get("terms").get("minimumMonthlyGuarantee").get("currency").asString())
                .isEqualTo("USD");
        assertThat(api.manager.post(AGREEMENTS + "/" + started.id() + "/proposal", null).status()).isEqualTo(200);
    }

    @Test
    void runsInTheCallersTransactionSoARollbackLeavesNoAgreementAndNoEvent() {
        PartnerId partner = PartnerId.of(api.newPartner("Rolled Back GmbH"));

        transaction.executeWithoutResult(status -> {
            agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "EUR", Instant.now());
            assertThat(agreements.inForce(partner, Instant.now())).as("visible inside the transaction").isPresent();
            status.setRollbackOnly();
        });

        assertThat(agreements.inForce(partner, Instant.now())).isEmpty();
        assertThat(outboxEvents(partner, "AgreementActivated")).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where partner_id = :partner and resource_type = 'agreement'")
                .param("partner", partner.value()).query(Long.class).single()).isZero();
    }

    @Test
    void aPartnerStartsOnlyOnceAndMustExist() {
        PartnerId partner = PartnerId.of(api.newPartner("Only Once Ltd"));
        transaction.executeWithoutResult(status ->
                agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "EUR", Instant.now()));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "EUR", Instant.now())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                agreements.startFromTemplate(PartnerId.newId(), BusinessModel.RESELL, "EUR", Instant.now())))
                .isInstanceOf(NotFoundException.class);
        assertThat(outboxEvents(partner, "AgreementActivated")).isEqualTo(1);
    }

    @Test
    void aFutureStartWaitsForItsDate() {
        PartnerId partner = PartnerId.of(api.newPartner("Next Month SARL"));
        Instant start = Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        AgreementRef started = transaction.execute(status ->
                agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "EUR", start));

        assertThat(started.status()).isEqualTo(AgreementStatus.APPROVED);
        assertThat(started.inForceFrom()).isEqualTo(start);
        assertThat(agreements.inForce(partner, Instant.now())).isEmpty();
        assertThat(agreements.inForce(partner, start)).map(AgreementRef::id).contains(started.id());
    }

    private long outboxEvents(PartnerId partner, String type) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :key and event_type = :type")
                .param("key", partner.toString()).param("type", type).query(Long.class).single();
    }
}
