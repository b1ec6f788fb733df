package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partner named as co-creator of another partner's draft takes part only once one of its partner admins accepts:
 * until then it sees only its invitation, and the draft is not submitted; declining takes it off the draft.
 */
@AccordServiceTest
class CoCreationConsentTests {

    private static final String VIDEO = "0a1e0000-0000-4000-8000-000000000001";
    private static final String INVITATIONS = "/api/catalog/co-creation-invitations?limit=500";
    private static final String ACCEPT = "{\"decision\":\"ACCEPT\"}";

    private final CatalogApi api;
    private final Offerings offerings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CoCreationConsentTests(@LocalServerPort int port, PartnerView partners, Offerings offerings, JdbcClient jdbc,
                           TransactionTemplate transactions) {
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Test
    void aNamedPartnerSeesOnlyItsInvitationAndTheDraftWaitsForItsAcceptanceBeforeSubmission() {
        UUID owner = api.activePartner("Consent Media");
        UUID coCreator = api.activePartner("Consent Studio");
        UUID stranger = api.activePartner("Consent Stranger");
        String id = create(owner, "Co-created Arcade", share(coCreator, "30"));
        String offering = CatalogApi.OFFERINGS + "/" + id;

        JsonNode draft = api.admin(owner).get(offering).json();
        assertThat(draft.path("pendingParticipants").toString()).isEqualTo("[\"" + coCreator + "\"]");
        assertThat(api.user(coCreator).get(offering).status()).as("the draft, before accepting").isEqualTo(404);
        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS + "?limit=500").body()).doesNotContain(id);
        assertThat(api.admin(coCreator).patch(offering, "{\"name\":\"Mine now\"}").status()).isEqualTo(404);
        JsonNode invitation = invitation(api.user(coCreator), id);
        assertThat(invitation.path("name").asString()).isEqualTo("Co-created Arcade");
        assertThat(invitation.path("ownerPartnerId").asString()).isEqualTo(owner.toString());
        assertThat(invitation.path("coCreators").get(0).path("sharePercent").toString()).isEqualTo("30");
        assertThat(invitation.path("coCreators").get(0).path("consent").asString()).isEqualTo("PENDING");
        assertThat(invitation.path("coCreators").get(0).path("invitedBy").asString()).isEqualTo("admin-" + owner);
        assertThat(api.user(coCreator).get(coCreation(id)).status()).isEqualTo(200);
        assertThat(api.user(stranger).get(coCreation(id)).status()).isEqualTo(404);

        TestHttp.Response early = api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().path("detail").asString()).contains(coCreator.toString()).contains("accepted");
        assertThat(api.user(coCreator).post(decision(id), ACCEPT).status()).isEqualTo(403);
        assertThat(api.manager.post(decision(id), ACCEPT).status()).as("staff do not consent for a partner")
                .isEqualTo(403);
        assertThat(api.admin(stranger).post(decision(id), ACCEPT).status()).isEqualTo(404);
        assertThat(api.admin(owner).post(decision(id), ACCEPT).status()).isEqualTo(404);
        assertThat(api.admin(coCreator).post(decision(id), "{\"decision\":\"MAYBE\"}").status()).isEqualTo(400);

        TestHttp.Response accepted = api.admin(coCreator).post(decision(id), ACCEPT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("coCreators").get(0).path("consent").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("coCreators").get(0).path("acceptedBy").asString())
                .isEqualTo("admin-" + coCreator);
        assertThat(api.admin(coCreator).post(decision(id), ACCEPT).status()).as("accepted already").isEqualTo(409);
        assertThat(api.user(coCreator).get(offering).status()).isEqualTo(200);
        assertThat(api.user(coCreator).get(INVITATIONS).body()).doesNotContain(id);
        assertThat(api.admin(owner).get(offering).json().has("pendingParticipants")).isFalse();
        assertThat(api.admin(coCreator).patch(offering, "{\"name\":\"Mine now\"}").status())
                .as("a co-creator reads, it does not edit").isEqualTo(403);
        TestHttp.Response submitted = api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(audit(id)).containsSubsequence("created", "co-creator invited", "co-creation accepted",
                "submitted");
    }

    @Test
    void decliningTakesThePartnerOffTheDraftAndTheOthersStillHaveToAnswer() {
        UUID owner = api.activePartner("Declined Media");
        UUID keen = api.activePartner("Keen Studio");
        UUID reluctant = api.activePartner("Reluctant Studio");
        String id = create(owner, "Twice Co-created", share(keen, "30") + "," + share(reluctant, "20"));

        TestHttp.Response declined = api.admin(reluctant).post(decision(id),
                "{\"decision\":\"DECLINE\",\"reason\":\"no such deal\"}");

        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        JsonNode draft = api.admin(owner).get(CatalogApi.OFFERINGS + "/" + id).json();
        assertThat(draft.path("participants").toString()).contains(keen.toString()).doesNotContain(reluctant.toString());
        assertThat(draft.path("pendingParticipants").toString()).isEqualTo("[\"" + keen + "\"]");
        assertThat(api.user(reluctant).get(coCreation(id)).status()).isEqualTo(404);
        assertThat(api.user(reluctant).get(CatalogApi.OFFERINGS + "/" + id).status()).isEqualTo(404);
        TestHttp.Response submission = api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);
        assertThat(submission.status()).isEqualTo(409);
        assertThat(submission.json().path("detail").asString()).contains(keen.toString())
                .doesNotContain(reluctant.toString());
        assertThat(jdbc.sql("select after_state::text from audit_event where resource_id = :id"
                        + " and action = 'co-creation declined'").param("id", id).query(String.class).single())
                .contains(reluctant.toString()).contains("no such deal").contains("DECLINED");
    }

    @Test
    void anAcceptedCoCreatorNamedWithAnotherShareIsAskedAgainButTheCspNamesCoCreatorsWithoutConsent() {
        UUID owner = api.activePartner("Reshared Media");
        UUID coCreator = api.activePartner("Reshared Studio");
        String externalId = "reshared-" + UUID.randomUUID();
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.coCreated(externalId, coCreator, "30"));
        assertThat(api.admin(coCreator).post(decision(id.toString()), ACCEPT).status()).isEqualTo(200);
        OfferingDraft sameShare = OfferingDrafts.coCreated(externalId, coCreator, "30.0");
        assertThat(api.draft(Owner.partner(owner), new OfferingDraft(externalId, sameShare.name(), "described now",
                sameShare.categoryCode(), sameShare.kind(), null, null, sameShare.salesChannels(),
                sameShare.specification(), List.of(), null, sameShare.participants(), sameShare.prices())))
                .as("changed, with the same share: still accepted").isEqualTo(id);
        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS + "/" + id).status()).isEqualTo(200);

        api.draft(Owner.partner(owner), OfferingDrafts.coCreated(externalId, coCreator, "10"));

        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS + "/" + id).status()).isEqualTo(404);
        assertThat(api.user(coCreator).get(INVITATIONS).body()).contains(id.toString());
        // the CSP's co-creators take part at once: their co-creation terms are agreed when they are onboarded
        UUID csp = api.draft(Owner.csp(), OfferingDrafts.coCreated("csp-co-" + UUID.randomUUID(), coCreator, "10"));
        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS + "/" + csp).status()).isEqualTo(200);
        assertThat(api.user(coCreator).get(INVITATIONS).body()).doesNotContain(csp.toString());
    }

    @Test
    void coCreatorsNamedBeforeV41AreTreatedAsAccepted() throws IOException {
        String migration = new ClassPathResource("db/migration/V41__offering_participant_consent.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        UUID offering = UUID.randomUUID();
        List<String> consent = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            // the table as V10 made it, shadowing the real one for this transaction only
            jdbc.sql("""
                    create temporary table offering_participant (offering_id uuid not null,
                        partner_id uuid not null, share_percent numeric(9, 6) not null, position int not null)
                    on commit drop""").update();
            jdbc.sql("insert into offering_participant values (:offering, gen_random_uuid(), 30, 0)")
                    .param("offering", offering).update();
            for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
            consent.addAll(jdbc.sql("select consent from offering_participant where offering_id = :offering")
                    .param("offering", offering).query(String.class).list());
            assertThatThrownBy(() -> jdbc.sql("insert into offering_participant (offering_id, partner_id, "
                    + "share_percent, position) values (gen_random_uuid(), gen_random_uuid(), 10, 0)").update())
                    .as("a new co-creator names its consent").hasMessageContaining("consent");
            status.setRollbackOnly();
        });
        assertThat(consent).containsExactly("ACCEPTED");
    }

    private String create(UUID owner, String name, String participants) {
        UUID seed = api.draft(Owner.partner(owner), OfferingDrafts.single("seed-" + UUID.randomUUID()));
        String spec = api.admin(owner).get(CatalogApi.OFFERINGS + "/" + seed).json().path("productSpecification")
                .path("id").asString();
        TestHttp.Response created = api.admin(owner).post(CatalogApi.OFFERINGS, """
                {"name":"%s","isBundle":false,"category":[{"id":"%s"}],"channel":[{"name":"ONLINE"}],
                 "productSpecification":{"id":"%s"},"participants":[%s]}""".formatted(name, VIDEO, spec,
                participants));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        // an offering is submitted only with a price
        TestHttp.Response priced = api.admin(owner).post("/tmf-api/productCatalogManagement/v4/productOfferingPrice",
                """
                {"name":"Monthly","priceType":"recurring","externalId":"monthly","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"5"},"recurringChargePeriodType":"month",
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}"""
                        .formatted(id));
        assertThat(priced.status()).as(priced.body()).isEqualTo(201);
        return id;
    }

    private static String share(UUID partner, String percent) {
        return "{\"partnerId\":\"" + partner + "\",\"sharePercent\":" + percent + "}";
    }

    private static JsonNode invitation(TestHttp caller, String offering) {
        for (JsonNode candidate : caller.get(INVITATIONS).json()) {
            if (offering.equals(candidate.path("offeringId").asString())) {
                return candidate;
            }
        }
        throw new AssertionError("no invitation for " + offering);
    }

    private static String coCreation(String offering) {
        return CatalogApi.PLAIN + "/" + offering + "/co-creation";
    }

    private static String decision(String offering) {
        return coCreation(offering) + "/decision";
    }

    private List<String> audit(String offering) {
        return jdbc.sql("select action from audit_event where resource_id = :id order by id").param("id", offering)
                .query(String.class).list();
    }
}
