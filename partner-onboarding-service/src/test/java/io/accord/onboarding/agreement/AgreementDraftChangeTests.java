package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF651 PATCH and DELETE: staff correct or remove a DRAFT version (audited); any later status keeps the version
 * as it is (409 saying what to do instead); attributes POST does not set are a 400; partners may do neither.
 */
@AccordServiceTest
class AgreementDraftChangeTests {

    @LocalServerPort
    int port;

    private AgreementApi api;
    private Instant start;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
        start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aMergePatchCorrectsADraftAndIsAudited() {
        String partner = api.newPartner("Draft Patch " + UUID.randomUUID());
        String id = api.draft(partner, start, "null");
        JsonNode drafted = api.manager.get(AGREEMENTS + "/" + id).json();
        assertThat(drafted.has("agreementSpecification")).as("from the template").isTrue();

        TestHttp.Response renamed = api.manager.patch(AGREEMENTS + "/" + id, """
                {"name": "Corrected name", "description": "as agreed on the phone"}""");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Corrected name");
        assertThat(renamed.json().get("agreementSpecification")).as("terms untouched: still the template's")
                .isEqualTo(drafted.get("agreementSpecification"));
        assertThat(renamed.json().get("terms")).isEqualTo(drafted.get("terms"));

        Instant later = start.plus(10, ChronoUnit.DAYS);
        TestHttp.Response changed = api.manager.patch(AGREEMENTS + "/" + id, """
                {"description": null, "agreementPeriod": {"startDateTime": "%s", "endDateTime": null},
                 "terms": {"paymentTermsDays": 45, "validityMonths": 12},
                 "agreementType": "SELL_THROUGH", "engagedParty": [{"id": "%s", "role": "Partner"}],
                 "agreementItem": [{"termOrCondition": [{"id": "law", "description": "German law applies."}]}]}"""
                .formatted(later, partner));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode stored = api.manager.get(AGREEMENTS + "/" + id).json();
        assertThat(stored).isEqualTo(changed.json());
        assertThat(stored.has("description")).isFalse();
        assertThat(stored.get("terms").get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(stored.get("terms").get("settlementCycle")).isEqualTo(drafted.get("terms").get("settlementCycle"));
        assertThat(Instant.parse(stored.get("agreementPeriod").get("startDateTime").asString())).isEqualTo(later);
        assertThat(Instant.parse(stored.get("agreementPeriod").get("endDateTime").asString()))
                .as("derived from validityMonths again").isEqualTo(later.atOffset(java.time.ZoneOffset.UTC)
                        .plusMonths(12).toInstant());
        assertThat(stored.has("agreementSpecification")).as("staff's own terms now").isFalse();
        assertThat(stored.get("agreementItem").get(0).get("termOrCondition").get(0).get("description").asString())
                .isEqualTo("German law applies.");
        assertThat(stored.get("status").asString()).isEqualTo("DRAFT");
        assertThat(stored.get("version").asString()).isEqualTo("1");

        TestHttp.Response backToTemplate = api.manager.patch(AGREEMENTS + "/" + id, "{\"terms\": null}");
        assertThat(backToTemplate.status()).as(backToTemplate.body()).isEqualTo(200);
        assertThat(backToTemplate.json().get("agreementSpecification"))
                .isEqualTo(drafted.get("agreementSpecification"));
        assertThat(backToTemplate.json().get("terms").get("paymentTermsDays"))
                .isEqualTo(drafted.get("terms").get("paymentTermsDays"));

        assertThat(api.auditActions(id)).containsExactly("created", "changed", "changed", "changed");
    }

    @Test
    void aPatchNamingWhatPostDoesNotSetOrAnInvalidValueIsRefusedAndChangesNothing() {
        String partner = api.newPartner("Draft Refuse " + UUID.randomUUID());
        String other = api.newPartner("Draft Other " + UUID.randomUUID());
        String id = api.draft(partner, start, AgreementFixtures.termsJson());
        JsonNode before = api.manager.get(AGREEMENTS + "/" + id).json();

        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, "{\"status\": \"ACTIVE\"}"), "status",
                "cannot be changed by PATCH");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, "{\"version\": \"7\", \"name\": \"x\"}"),
                "version", "cannot be changed by PATCH");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, """
                {"engagedParty": [{"id": "%s", "role": "Partner"}]}""".formatted(other)),
                "engagedParty[0].id", "stays with its partner");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, "{\"agreementType\": \"RESELL\"}"),
                "agreementType", "SELL_THROUGH business model");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, "{\"name\": null}"), "name", "name");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, """
                {"agreementPeriod": {"endDateTime": "2001-01-01T00:00:00Z"}}"""),
                "agreementPeriod.endDateTime", "after the startDateTime");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, "{\"terms\": {\"paymentTermsDays\": -5}}"),
                "terms.paymentTermsDays", "");
        assertRefused(api.manager.patch(AGREEMENTS + "/" + id, """
                {"agreementItem": [{"productOffering": [{"id": "o-1"}], "termOrCondition": []}]}"""),
                "agreementItem[0].productOffering", "covers all of the partner's offerings");
        TestHttp.Response json = api.manager.send("PATCH", AGREEMENTS + "/" + id, "{\"name\": \"x\"}",
                "application/json");
        assertThat(json.status()).isEqualTo(415);

        assertThat(api.manager.get(AGREEMENTS + "/" + id).json()).isEqualTo(before);
        assertThat(api.auditActions(id)).containsExactly("created");
    }

    @Test
    void aDeletedDraftIsGoneAuditedAndItsNumberIsFreeForTheNextDraft() {
        String partner = api.newPartner("Draft Delete " + UUID.randomUUID());
        String first = api.countersigned(partner, Instant.now().minusSeconds(60), "null");
        String draft = api.draft(partner, start, AgreementFixtures.termsJson());

        TestHttp.Response deleted = api.manager.delete(AGREEMENTS + "/" + draft);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.manager.get(AGREEMENTS + "/" + draft).status()).isEqualTo(404);
        assertThat(api.manager.delete(AGREEMENTS + "/" + draft).status()).isEqualTo(404);
        assertThat(api.auditActions(draft)).containsExactly("created", "deleted");
        assertThat(api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner).header("X-Total-Count"))
                .isEqualTo("1");
        String next = api.draft(partner, start, AgreementFixtures.termsJson());
        assertThat(api.manager.get(AGREEMENTS + "/" + next).json().get("version").asString()).isEqualTo("2");
        assertThat(api.status(first)).isEqualTo("ACTIVE");
    }

    @Test
    void aPartnerWhoseOnlyVersionWasADeletedDraftCanBeDeletedItself() {
        String partner = api.newPartner("Draft Only " + UUID.randomUUID());
        String draft = api.draft(partner, start, AgreementFixtures.termsJson());
        assertThat(api.manager.delete("/tmf-api/party/v4/organization/" + partner).status()).isEqualTo(409);

        assertThat(api.manager.delete(AGREEMENTS + "/" + draft).status()).isEqualTo(204);

        assertThat(api.manager.delete("/tmf-api/party/v4/organization/" + partner).status()).isEqualTo(204);
    }

    @Test
    void aVersionPastItsDraftIsNeitherChangedNorDeletedAndTheConflictSaysWhatToDoInstead() {
        String partner = api.newPartner("Draft Past " + UUID.randomUUID());
        String active = api.countersigned(partner, Instant.now().minusSeconds(60), "null");
        String proposed = api.proposed(partner, start, AgreementFixtures.termsJson());

        TestHttp.Response patchActive = api.manager.patch(AGREEMENTS + "/" + active, "{\"name\": \"x\"}");
        assertThat(patchActive.status()).as(patchActive.body()).isEqualTo(409);
        assertThat(patchActive.json().get("detail").asString()).contains("is ACTIVE").contains("draft a new version");
        TestHttp.Response deleteActive = api.manager.delete(AGREEMENTS + "/" + active);
        assertThat(deleteActive.status()).isEqualTo(409);
        assertThat(deleteActive.json().get("detail").asString()).contains("is ACTIVE")
                .contains("only a DRAFT version can be deleted");
        TestHttp.Response patchProposed = api.manager.patch(AGREEMENTS + "/" + proposed, "{\"name\": \"x\"}");
        assertThat(patchProposed.status()).isEqualTo(409);
        assertThat(patchProposed.json().get("detail").asString()).contains("is PENDING_APPROVAL")
                .contains("terminate it");
        assertThat(api.manager.delete(AGREEMENTS + "/" + proposed).status()).isEqualTo(409);

        assertThat(api.status(active)).isEqualTo("ACTIVE");
        assertThat(api.status(proposed)).isEqualTo("PENDING_APPROVAL");
        assertThat(api.manager.get(AGREEMENTS + "/" + proposed).json().get("name").asString())
                .isEqualTo("Sell-through agreement");
    }

    @Test
    void partnersNeitherChangeNorDeleteAgreementsAndAnotherPartnersDraftStaysHidden() {
        String partner = api.newPartner("Draft Roles " + UUID.randomUUID());
        String other = api.newPartner("Draft Roles Other " + UUID.randomUUID());
        String draft = api.draft(partner, start, AgreementFixtures.termsJson());
        TestHttp partnerAdmin = api.partnerAdmin(partner);
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops-olga", Roles.OPS));

        assertThat(partnerAdmin.patch(AGREEMENTS + "/" + draft, "{\"name\": \"x\"}").status()).isEqualTo(403);
        assertThat(partnerAdmin.delete(AGREEMENTS + "/" + draft).status()).isEqualTo(403);
        assertThat(api.partnerAdmin(other).delete(AGREEMENTS + "/" + draft).status()).isEqualTo(403);
        assertThat(ops.delete(AGREEMENTS + "/" + draft).status()).isEqualTo(403);
        assertThat(api.manager.delete(AGREEMENTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.manager.patch(AGREEMENTS + "/" + UUID.randomUUID(), "{\"name\": \"x\"}").status())
                .isEqualTo(404);

        assertThat(api.status(draft)).isEqualTo("DRAFT");
    }

    @Test
    void agreementItemsAreStoredAndShownAndWithoutThemOneItemPointsToTheTerms() {
        String partner = api.newPartner("Draft Items " + UUID.randomUUID());
        String body = AgreementApi.body(partner, start, AgreementFixtures.termsJson()).replace(
                "\"agreementItem\": [{\"termOrCondition\": []}]", """
                "agreementItem": [{"@type": "AgreementItem", "termOrCondition": [
                  {"id": "c1", "description": "Confidentiality for five years.",
                   "validFor": {"startDateTime": "2027-01-01T00:00:00Z"}},
                  {"description": "Either party may audit once a year."}]}]""");

        TestHttp.Response created = api.manager.post(AGREEMENTS, body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode items = api.manager.get(AGREEMENTS + "/" + created.json().get("id").asString()).json()
                .get("agreementItem");
        assertThat(items).isEqualTo(created.json().get("agreementItem")).hasSize(1);
        JsonNode conditions = items.get(0).get("termOrCondition");
        assertThat(conditions).hasSize(2);
        assertThat(conditions.get(0).get("id").asString()).isEqualTo("c1");
        assertThat(conditions.get(0).get("description").asString()).isEqualTo("Confidentiality for five years.");
        assertThat(conditions.get(0).get("validFor").get("startDateTime").asString())
                .isEqualTo("2027-01-01T00:00:00Z");
        assertThat(conditions.get(1).get("description").asString()).isEqualTo("Either party may audit once a year.");

        String other = api.newPartner("Draft No Items " + UUID.randomUUID());
        JsonNode plain = api.manager.get(AGREEMENTS + "/" + api.draft(other, start, "null")).json();
        assertThat(plain.get("agreementItem")).hasSize(1);
        assertThat(plain.get("agreementItem").get(0).get("termOrCondition").get(0).get("description").asString())
                .contains("terms attribute");
    }

    @Test
    void agreementItemsNamingOfferingsOrRepeatingAnIdAreRefusedRatherThanDropped() {
        String partner = api.newPartner("Draft Bad Items " + UUID.randomUUID());
        String base = AgreementApi.body(partner, start, AgreementFixtures.termsJson());

        assertRefused(api.manager.post(AGREEMENTS, base.replace("[{\"termOrCondition\": []}]",
                "[{\"productOffering\": [{\"id\": \"o-1\"}], \"termOrCondition\": []}]")),
                "agreementItem[0].productOffering", "covers all of the partner's offerings");
        assertRefused(api.manager.post(AGREEMENTS, base.replace("[{\"termOrCondition\": []}]",
                "[{\"termOrCondition\": [{\"id\": \"a\", \"description\": \"x\"}]},"
                + " {\"termOrCondition\": [{\"id\": \"a\", \"description\": \"y\"}]}]")),
                "agreementItem[1].termOrCondition[0].id", "unique");
        assertRefused(api.manager.post(AGREEMENTS, base.replace("[{\"termOrCondition\": []}]",
                "[{\"termOrCondition\": [{\"id\": \"a\"}]}]")),
                "agreementItem[0].termOrCondition[0].description", "");

        assertThat(api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner).header("X-Total-Count"))
                .isEqualTo("0");
    }

    private static void assertRefused(TestHttp.Response response, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).contains(detail);
    }
}
