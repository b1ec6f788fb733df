package io.accord.catalog.offering;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OfferingRulesTests {

    private static final Owner OWNER = Owner.partner(UUID.randomUUID());

    @Test
    void sharesAreEachAboveZeroAtMostAHundredAndSumToAtMostAHundred() {
        assertThat(shareErrors("60", "40")).isEmpty();
        assertThat(shareErrors("100")).isEmpty();
        assertThat(shareErrors("0.000001")).isEmpty();
        assertThat(shareErrors("0")).containsExactly("participants[0].sharePercent");
        assertThat(shareErrors("-5")).containsExactly("participants[0].sharePercent");
        assertThat(shareErrors("100.01")).containsExactly("participants[0].sharePercent");
        assertThat(shareErrors("60", "40.5")).containsExactly("participants");
    }

    @Test
    void aPartnerTakesPartOnceAndTheOwnerIsNoParticipant() {
        UUID twice = UUID.randomUUID();
        List<String> fields = new ArrayList<>();
        OfferingRules.shares(OWNER, List.of(new OfferingDraft.Participant(twice, BigDecimal.TEN),
                new OfferingDraft.Participant(twice, BigDecimal.TEN),
                new OfferingDraft.Participant(OWNER.partnerId(), BigDecimal.TEN)), (field, message) -> fields.add(field));
        assertThat(fields).containsExactly("participants[1].partnerId", "participants[2].partnerId");
    }

    @Test
    void aSingleOfferingNeedsASpecificationAndABundleComponentsAndAPricingRule() {
        OfferingDraft single = OfferingDrafts.single("s");
        OfferingDraft noSpec = new OfferingDraft("s", "S", null, "VIDEO", OfferingDraft.Kind.SINGLE, null, null,
                List.of(), null, List.of(), null, List.of(), single.prices());
        OfferingDraft emptyBundle = new OfferingDraft("b", "B", null, "VIDEO", OfferingDraft.Kind.BUNDLE, null, null,
                List.of(), null, List.of(), null, List.of(), List.of());
        OfferingDraft selfBundle = OfferingDrafts.bundle("b", "b");

        assertThat(errors(single.normalized())).isEmpty();
        assertThat(errors(noSpec)).containsExactly("specification");
        assertThat(errors(emptyBundle)).containsExactlyInAnyOrder("bundledOfferingExternalIds", "bundlePricing");
        assertThat(errors(selfBundle)).containsExactly("bundledOfferingExternalIds[0]");
    }

    @Test
    void aBundlePricedByItsComponentsHasNoPricesOfItsOwn() {
        OfferingDraft bundle = OfferingDrafts.bundle("b", "x");
        OfferingDraft sum = new OfferingDraft("b", "B", null, "VIDEO", OfferingDraft.Kind.BUNDLE, null, null,
                List.of(), null, List.of("x"), OfferingDraft.BundlePricing.SUM_OF_COMPONENTS, List.of(),
                bundle.prices());
        assertThat(errors(sum)).containsExactly("prices");
    }

    @Test
    void validityMustEndAfterItStarts() {
        OfferingDraft d = OfferingDrafts.single("v");
        OfferingDraft backwards = new OfferingDraft("v", "V", null, "VIDEO", OfferingDraft.Kind.SINGLE,
                OfferingDrafts.START, OfferingDrafts.START, List.of(), d.specification(), List.of(), null, List.of(),
                d.prices());
        assertThat(errors(backwards)).containsExactly("validTo");
    }

    private static List<String> shareErrors(String... shares) {
        List<OfferingDraft.Participant> participants = new ArrayList<>();
        for (String share : shares) {
            participants.add(new OfferingDraft.Participant(UUID.randomUUID(), new BigDecimal(share)));
        }
        List<String> fields = new ArrayList<>();
        OfferingRules.shares(OWNER, participants, (field, message) -> fields.add(field));
        return fields;
    }

    private static List<String> errors(OfferingDraft draft) {
        List<String> fields = new ArrayList<>();
        OfferingRules.check(OWNER, draft, (field, message) -> fields.add(field));
        return fields;
    }

    @Test
    void anOfferingIsSubmittableWithAPriceUnlessABundleIsPricedByItsComponents() {
        OfferingDraft bundle = OfferingDrafts.bundle("b", "c");
        OfferingDraft summed = new OfferingDraft("b", "B", null, "VIDEO", OfferingDraft.Kind.BUNDLE, null, null,
                List.of(), null, List.of("c"), OfferingDraft.BundlePricing.SUM_OF_COMPONENTS, List.of(), List.of());
        assertThat(submittableErrors(OfferingDrafts.single("s"))).isEmpty();
        assertThat(submittableErrors(OfferingDrafts.single("s").withPrices(List.of()))).containsExactly("prices");
        assertThat(submittableErrors(bundle.withPrices(List.of()))).containsExactly("prices");
        assertThat(submittableErrors(summed)).isEmpty();
        List<String> draftErrors = new ArrayList<>();
        OfferingRules.check(OWNER, bundle.withPrices(List.of()), (field, message) -> draftErrors.add(field));
        assertThat(draftErrors).as("a draft OWN bundle may lack prices until it is submitted").isEmpty();
    }

    @Test
    void anOwnPricedBundleNamesEveryCoCreatorOfItsComponents() {
        UUID coCreator = UUID.randomUUID();
        OfferingDraft bundle = OfferingDrafts.bundle("b", "c");
        OfferingDraft naming = new OfferingDraft("b", "B", null, "VIDEO", OfferingDraft.Kind.BUNDLE, null, null,
                List.of(), null, List.of("c"), OfferingDraft.BundlePricing.OWN,
                List.of(new OfferingDraft.Participant(coCreator, BigDecimal.TEN)), bundle.prices());
        OfferingDraft summed = new OfferingDraft("b", "B", null, "VIDEO", OfferingDraft.Kind.BUNDLE, null, null,
                List.of(), null, List.of("c"), OfferingDraft.BundlePricing.SUM_OF_COMPONENTS, List.of(), List.of());
        java.util.Map<String, List<UUID>> coCreated = java.util.Map.of("c", List.of(coCreator));

        assertThat(bundleShareErrors(bundle, coCreated)).containsExactly("participants");
        assertThat(bundleShareErrors(naming, coCreated)).isEmpty();
        assertThat(bundleShareErrors(summed, coCreated)).isEmpty();
        assertThat(bundleShareErrors(bundle, java.util.Map.of("c", List.of()))).isEmpty();
    }

    private static List<String> submittableErrors(OfferingDraft draft) {
        List<String> fields = new ArrayList<>();
        OfferingRules.checkSubmittable(draft, (field, message) -> fields.add(field));
        return fields;
    }

    private static List<String> bundleShareErrors(OfferingDraft draft, java.util.Map<String, List<UUID>> coCreators) {
        List<String> fields = new ArrayList<>();
        OfferingRules.checkBundleShares(draft, coCreators, (field, message) -> fields.add(field));
        return fields;
    }
}
