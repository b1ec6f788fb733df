package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.testsupport.AccordServiceTest;
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
    void startsAnActiveFirstVersionFromTheCurrentTemplateInThePartnersCurrency() {
        PartnerId partner = PartnerId.of(api.newPartner("Zero Touch Inc"));
        Instant now = Instant.now();

        AgreementRef started = transaction.execute(status ->
                agreements.startFromTemplate(partner, BusinessModel.SELL_THROUGH, "USD", now));

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
        assertThat(shown.get("terms").get("currency").asString()).isEqualTo("USD");
        assertThat(shown.get("terms").get("minimumMonthlyGuarantee").get("currency").asString()).isEqualTo("USD");
        assertThat(shown.get("agreementAuthorization").get(0).get("signatureRepresentation").asString())
                .isEqualTo("onboarding policy");
        assertThat(outboxEvents(partner, "AgreementActivated")).isEqualTo(1);
        assertThat(api.auditActions(started.id().toString())).containsExactly("created");
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
