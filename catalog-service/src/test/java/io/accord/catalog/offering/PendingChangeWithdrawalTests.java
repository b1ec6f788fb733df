package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launched offering's change waiting for review is withdrawn by whoever may change the offering: nothing of it
 * takes effect, it stays visible as the offering's withdrawn change and in the audit trail, and the next change is
 * proposed without waiting for a reviewer.
 */
@AccordServiceTest
class PendingChangeWithdrawalTests {

    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";

    private final CatalogApi api;
    private final JdbcClient jdbc;

    PendingChangeWithdrawalTests(@LocalServerPort int port, PartnerView partners, Offerings offerings,
                                 JdbcClient jdbc) {
        this.api = new CatalogApi(port, partners, offerings);
        this.jdbc = jdbc;
    }

    @Test
    void theOwnerWithdrawsAWaitingPriceChangeNothingOfItTakesEffectAndTheNextChangeIsProposed() {
        UUID owner = api.activePartner("Withdrawn Price Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("withdrawn-price"));
        String versionsBefore = api.manager.get(PRICES + "?productOffering.id=" + id).body();
        TestHttp.Response proposed = api.admin(owner).post(PRICES, monthlyPrice(id, "23.78", tomorrow()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        TestHttp.Response blocked = api.admin(owner).post(PRICES, monthlyPrice(id, "19.99", tomorrow()));
        assertThat(blocked.status()).as("one change at a time: " + blocked.body()).isEqualTo(409);
        assertThat(blocked.json().path("detail").asString()).contains(withdrawal(id));

        TestHttp.Response withdrawn = api.admin(owner).post(withdrawal(id), null);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("lifecycleStatus").asString()).isEqualTo("Launched");
        assertThat(withdrawn.json().path("pendingChange").isMissingNode()).as(withdrawn.body()).isTrue();
        JsonNode kept = api.admin(owner).get(CatalogApi.OFFERINGS + "/" + id).json().path("withdrawnChange");
        assertThat(kept.path("change").asString()).as(kept.toString()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(kept.path("withdrawnBy").asString()).isEqualTo("admin-" + owner);
        assertThat(kept.path("withdrawnAt").asString()).isNotBlank();
        assertThat(api.manager.get(PRICES + "?productOffering.id=" + id).body()).as("no price version written")
                .isEqualTo(versionsBefore);
        assertThat(api.manager.get(CatalogApi.PLAIN + "/" + id + "/pending-change").status()).isEqualTo(404);
        assertThat(api.manager.get("/api/catalog/review-queue?limit=500").body()).doesNotContain(id.toString());
        assertThat(api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision", "{\"decision\":\"APPROVE\"}")
                .status()).as("nothing left to approve").isEqualTo(409);
        String audited = jdbc.sql("select after_state::text from audit_event where resource_id = :id"
                        + " and action = 'change withdrawn (NEW_PRICE_VERSION)'").param("id", id.toString())
                .query(String.class).single();
        assertThat(audited).contains("23.78").contains("withdrawnChange");
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :id"
                        + " and event_type = 'OfferingPriceChanged'").param("id", id.toString())
                .query(Long.class).single()).as("no price change published").isZero();

        TestHttp.Response next = api.admin(owner).post(PRICES, monthlyPrice(id, "19.99", tomorrow()));
        assertThat(next.status()).as("the next change is proposed: " + next.body()).isEqualTo(202);
        assertThat(next.json().path("pendingChange").asString()).isEqualTo("NEW_PRICE_VERSION");
    }

    @Test
    void onlyWhileAChangeWaitsForReviewAnswering409WithTheState() {
        UUID owner = api.activePartner("Withdrawal State Media");
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("withdrawal-draft"));
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("withdrawal-state"));

        TestHttp.Response nothingWaits = api.admin(owner).post(withdrawal(id), null);
        TestHttp.Response ofADraft = api.admin(owner).post(withdrawal(draft), null);

        assertThat(nothingWaits.status()).as(nothingWaits.body()).isEqualTo(409);
        assertThat(nothingWaits.json().path("detail").asString()).contains("no change waits for review")
                .contains("LAUNCHED");
        assertThat(ofADraft.status()).as(ofADraft.body()).isEqualTo(409);
        assertThat(ofADraft.json().path("detail").asString()).contains("DRAFT");

        api.admin(owner).post(PRICES, monthlyPrice(id, "23.78", tomorrow()));
        assertThat(api.admin(owner).post(withdrawal(id), null).status()).isEqualTo(200);
        TestHttp.Response again = api.admin(owner).post(withdrawal(id), null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("NEW_PRICE_VERSION, was WITHDRAWN");

        api.admin(owner).post(PRICES, monthlyPrice(id, "29.99", tomorrow()));
        api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision", "{\"decision\":\"REJECT\",\"reason\":\"no\"}");
        TestHttp.Response afterRejection = api.admin(owner).post(withdrawal(id), null);
        assertThat(afterRejection.status()).as(afterRejection.body()).isEqualTo(409);
        assertThat(afterRejection.json().path("detail").asString()).contains("was REJECTED");
    }

    @Test
    void theOwnerAndStaffWithCatalogRightsWithdrawOthersMayNot() {
        UUID owner = api.activePartner("Withdrawal Rights Media");
        UUID other = api.activePartner("Withdrawal Other Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("withdrawal-rights"));
        TestHttp.Response renamed = api.admin(owner).patch(CatalogApi.OFFERINGS + "/" + id,
                "{\"name\":\"S65 renamed offer\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("pendingChange").asString()).isEqualTo("NEW_VERSION");

        assertThat(api.admin(other).post(withdrawal(id), null).status()).as("another partner").isEqualTo(404);
        assertThat(api.user(owner).post(withdrawal(id), null).status()).as("the owner's read-only user")
                .isEqualTo(403);
        for (String role : List.of(Roles.FINANCE, Roles.OPS, Roles.AUDITOR)) {
            assertThat(api.staff(role).post(withdrawal(id), null).status()).as(role).isEqualTo(403);
        }
        assertThat(api.manager.get(CatalogApi.PLAIN + "/" + id + "/pending-change").status())
                .as("still waiting").isEqualTo(200);

        TestHttp.Response withdrawn = api.manager.post(withdrawal(id), null);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode offering = api.admin(owner).get(CatalogApi.OFFERINGS + "/" + id).json();
        assertThat(offering.path("name").asString()).as("the new version never applied")
                .isEqualTo("Offer withdrawal-rights");
        assertThat(offering.path("version").asString()).isEqualTo("1");
        assertThat(offering.path("withdrawnChange").path("change").asString()).isEqualTo("NEW_VERSION");
        assertThat(offering.path("withdrawnChange").path("withdrawnBy").asString()).isEqualTo("pm");
        assertThat(api.admin(other).get(CatalogApi.OFFERINGS + "/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :id"
                        + " and event_type = 'OfferingLaunched'").param("id", id.toString())
                .query(Long.class).single()).as("launched once, never again").isEqualTo(1);
    }

    @Test
    void theStaffMemberWhoProposedACspOfferingsChangeWithdrawsIt() {
        UUID id = api.launched(Owner.csp(), OfferingDrafts.single("withdrawal-csp-" + UUID.randomUUID()));
        TestHttp admin = api.staff(Roles.PLATFORM_ADMIN);
        TestHttp.Response proposed = admin.post(PRICES, monthlyPrice(id, "23.78", tomorrow()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        UUID partner = api.activePartner("Withdrawal Reseller Media");
        assertThat(api.admin(partner).post(withdrawal(id), null).status()).as("a partner: not its offering")
                .isEqualTo(403);

        TestHttp.Response withdrawn = admin.post(withdrawal(id), null);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("withdrawnChange").path("withdrawnBy").asString())
                .isEqualTo(Roles.PLATFORM_ADMIN + "-user");
        assertThat(api.admin(partner).get(CatalogApi.OFFERINGS + "/" + id).json().path("withdrawnChange")
                .isMissingNode()).as("a reseller does not see the CSP's withdrawn change").isTrue();
    }

    private static String withdrawal(UUID id) {
        return CatalogApi.PLAIN + "/" + id + "/pending-change/withdrawal";
    }

    private static Instant tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The monthly fee of {@link OfferingDrafts#single} at another amount, through the TMF API. */
    private static String monthlyPrice(UUID offering, String amount, Instant from) {
        return """
                {"name":"Monthly fee","priceType":"recurring","externalId":"monthly","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"%s"},"recurringChargePeriodType":"month","proration":"DAILY",
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"%s"}}""".formatted(offering, amount,
                from);
    }
}
