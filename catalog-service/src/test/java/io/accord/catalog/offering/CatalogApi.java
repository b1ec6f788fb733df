package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.PartnerEvents;
import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the catalog's integration tests do over and over: partners, tokens, launched offerings. */
final class CatalogApi {

    static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String PLAIN = "/api/catalog/offerings";

    final TestHttp manager;
    private final int port;
    private final PartnerView partners;
    private final Offerings offerings;

    CatalogApi(int port, PartnerView partners, Offerings offerings) {
        this.port = port;
        this.partners = partners;
        this.offerings = offerings;
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
    }

    UUID activePartner(String name) {
        String id = UUID.randomUUID().toString();
        PartnerEvents.activated(id, name);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id)).isPresent());
        return UUID.fromString(id);
    }

    TestHttp admin(UUID partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("admin-" + partner, partner.toString(),
                Roles.PARTNER_ADMIN));
    }

    TestHttp user(UUID partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("user-" + partner, partner.toString(),
                Roles.PARTNER_USER));
    }

    TestHttp staff(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(role + "-user", role));
    }

    /** The co-creator's partner admin accepts its share of a partner's draft (it takes part from then on). */
    void acceptCoCreation(UUID offering, UUID coCreator) {
        TestHttp.Response accepted = admin(coCreator).post(PLAIN + "/" + offering + "/co-creation/decision",
                "{\"decision\":\"ACCEPT\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    /** Imports the draft and returns the offering's id. */
    UUID draft(Owner owner, OfferingDraft draft) {
        ImportOutcome outcome = offerings.upsertAll(owner, List.of(draft), false).getFirst();
        assertThat(outcome.errors()).isEmpty();
        return outcome.offeringId();
    }

    /** Imports, submits (as the owner) and approves (as a partner manager): launched now. */
    UUID launched(Owner owner, OfferingDraft draft) {
        UUID id = draft(owner, draft);
        TestHttp submitter = owner.isCsp() ? staff(Roles.PLATFORM_ADMIN) : admin(owner.partnerId());
        TestHttp.Response submitted = submitter.post(PLAIN + "/" + id + "/submission", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        TestHttp.Response approved = manager.post(PLAIN + "/" + id + "/decision", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("lifecycleStatus").asString()).isEqualTo("Launched");
        return id;
    }

}
