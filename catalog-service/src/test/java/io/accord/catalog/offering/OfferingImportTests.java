package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.catalog.offering.ImportOutcome.Result.CREATED;
import static io.accord.catalog.offering.ImportOutcome.Result.INVALID;
import static io.accord.catalog.offering.ImportOutcome.Result.UNCHANGED;
import static io.accord.catalog.offering.ImportOutcome.Result.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AccordServiceTest
class OfferingImportTests {

    private final Offerings offerings;
    private final PartnerView partners;
    private final JdbcClient jdbc;

    OfferingImportTests(Offerings offerings, PartnerView partners, JdbcClient jdbc) {
        this.offerings = offerings;
        this.partners = partners;
        this.jdbc = jdbc;
    }

    @Test
    void createsThenReportsAReimportUnchangedAndAChangeUpdated() {
        Owner owner = Owner.partner(activePartner("Import Media"));
        List<OfferingDraft> drafts = List.of(OfferingDrafts.single("a"), OfferingDrafts.single("b"),
                OfferingDrafts.bundle("ab", "a", "b"));

        assertThat(offerings.upsertAll(owner, drafts, false)).extracting(ImportOutcome::result)
                .containsExactly(CREATED, CREATED, CREATED);
        long audits = audits(owner);
        assertThat(offerings.upsertAll(owner, drafts, false)).extracting(ImportOutcome::result)
                .containsExactly(UNCHANGED, UNCHANGED, UNCHANGED);
        assertThat(audits(owner)).isEqualTo(audits);

        List<ImportOutcome> changed = offerings.upsertAll(owner, List.of(OfferingDrafts.single("a", "10.99"),
                OfferingDrafts.single("c", "-1")), false);
        assertThat(changed).extracting(ImportOutcome::result).containsExactly(UPDATED, INVALID);
        assertThat(changed.get(1).errors()).extracting(ImportOutcome.FieldError::field)
                .containsExactly("prices[0].amount");
    }

    @Test
    void auditsEachOfferingOfABatchUnderItsOwnId() {
        Owner owner = Owner.partner(activePartner("Audited Import Media"));
        List<ImportOutcome> created = offerings.upsertAll(owner, List.of(OfferingDrafts.single("one"),
                OfferingDrafts.single("two")), false);
        offerings.upsertAll(owner, List.of(OfferingDrafts.single("one", "10.99"), OfferingDrafts.single("two")),
                false);

        assertThat(auditActions(created.get(0).offeringId())).containsExactly("created", "changed");
        assertThat(auditActions(created.get(1).offeringId())).as("an unchanged row is not audited")
                .containsExactly("created");
        assertThat(jdbc.sql("select count(*) from audit_event where partner_id = :p and resource_id like 'import:%'")
                .param("p", owner.partnerId()).query(Long.class).single()).isZero();
    }

    @Test
    void aBatchThatAddsAPriceToAnExistingOfferingCreatesNewOfferingsAndSpecificationsInTheSameWrite() {
        Owner owner = Owner.partner(activePartner("Mixed Import Media"));
        offerings.upsertAll(owner, List.of(OfferingDrafts.single("kept")), false);
        OfferingDraft kept = OfferingDrafts.single("kept");
        List<PriceDraft> more = new ArrayList<>(kept.prices());
        more.add(OfferingDrafts.monthly("premium", "4.99", OfferingDrafts.START));
        OfferingDraft withNewPrice = new OfferingDraft(kept.externalId(), kept.name(), kept.description(),
                kept.categoryCode(), kept.kind(), kept.validFrom(), kept.validTo(), kept.salesChannels(),
                kept.specification(), kept.bundledOfferingExternalIds(), kept.bundlePricing(), kept.participants(),
                more);

        // the existing offering's new price comes first: its insert used to be sent with the new offering's prices
        // before the new offerings, and a new specification after the offering naming it (a foreign key failed)
        List<ImportOutcome> mixed = offerings.upsertAll(owner, List.of(withNewPrice, OfferingDrafts.single("new1"),
                OfferingDrafts.single("new2")), false);

        assertThat(mixed).extracting(ImportOutcome::result).containsExactly(UPDATED, CREATED, CREATED);
        assertThat(jdbc.sql("""
                        select o.external_id || ':' || count(p.id) from product_offering o
                        join product_offering_price p on p.offering_id = o.id
                        where o.partner_id = :p group by o.external_id order by 1""")
                .param("p", owner.partnerId()).query(String.class).list())
                .containsExactly("kept:3", "new1:2", "new2:2");
        assertThat(jdbc.sql("select count(*) from product_specification where owner_key = :key")
                .param("key", owner.key()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aDryRunClassifiesLikeARealRunButWritesNothing() {
        Owner owner = Owner.partner(activePartner("Dry Media"));

        List<ImportOutcome> dry = offerings.upsertAll(owner, List.of(OfferingDrafts.single("x")), true);

        assertThat(dry).extracting(ImportOutcome::result).containsExactly(CREATED);
        assertThat(jdbc.sql("select count(*) from product_offering where partner_id = :p")
                .param("p", owner.partnerId()).query(Long.class).single()).isZero();
    }

    @Test
    void anExportReimportsUnchanged() {
        Owner owner = Owner.partner(activePartner("Export Media"));
        offerings.upsertAll(owner, List.of(OfferingDrafts.bundle("bundle", "one"), OfferingDrafts.single("one")),
                false);
        List<OfferingDraft> exported = new ArrayList<>();

        offerings.exportAll(owner, exported::add);

        assertThat(exported).extracting(OfferingDraft::externalId).containsExactly("one", "bundle");
        assertThat(offerings.upsertAll(owner, exported, false)).extracting(ImportOutcome::result)
                .containsOnly(UNCHANGED);
    }

    @Test
    void aSpecificationOfALaunchedOfferingDoesNotChangeAsASideEffectOfAnotherDraft(
            @org.springframework.boot.test.web.server.LocalServerPort int port) {
        CatalogApi api = new CatalogApi(port, partners, offerings);
        Owner owner = Owner.partner(activePartner("Shared Spec Media"));
        api.launched(owner, OfferingDrafts.single("first"));
        OfferingDraft sibling = OfferingDrafts.single("sibling");
        var spec = OfferingDrafts.specification("spec-first");
        var changedSpec = new io.accord.catalog.specification.SpecificationDraft(spec.externalId(), "Renamed", null,
                spec.characteristics(), spec.fulfilment());
        OfferingDraft sharing = new OfferingDraft("sibling", sibling.name(), null, "VIDEO", sibling.kind(), null, null,
                List.of(), changedSpec, List.of(), null, List.of(), sibling.prices());

        ImportOutcome outcome = offerings.upsertAll(owner, List.of(sharing), false).getFirst();

        assertThat(outcome.result()).isEqualTo(INVALID);
        assertThat(outcome.errors()).extracting(ImportOutcome.FieldError::field).containsExactly("specification");
    }

    @Test
    void aSuspendedPartnersChangeOfALaunchedOfferingIsInvalidAndTheRestOfTheBatchProceeds(
            @org.springframework.boot.test.web.server.LocalServerPort int port) {
        CatalogApi api = new CatalogApi(port, partners, offerings);
        Owner owner = Owner.partner(activePartner("Suspended Import Media"));
        api.launched(owner, OfferingDrafts.single("live"));
        PartnerEvents.statusChanged(owner.partnerId().toString(), "ACTIVE", "SUSPENDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !partners.find(owner.partnerId()).orElseThrow().isActive());

        List<ImportOutcome> outcomes = offerings.upsertAll(owner, List.of(OfferingDrafts.single("live", "12.00"),
                OfferingDrafts.single("new-draft")), false);

        assertThat(outcomes).extracting(ImportOutcome::result).containsExactly(INVALID, CREATED);
        assertThat(outcomes.getFirst().errors().getFirst().message()).contains("not ACTIVE");
    }

    private List<String> auditActions(UUID offering) {
        return jdbc.sql("""
                        select action from audit_event
                        where resource_type = 'productOffering' and resource_id = :id order by id""")
                .param("id", offering.toString()).query(String.class).list();
    }

    private long audits(Owner owner) {
        return jdbc.sql("select count(*) from audit_event where partner_id = :p").param("p", owner.partnerId())
                .query(Long.class).single();
    }

    private UUID activePartner(String name) {
        String id = UUID.randomUUID().toString();
        PartnerEvents.activated(id, name);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id)).isPresent());
        return UUID.fromString(id);
    }
}
