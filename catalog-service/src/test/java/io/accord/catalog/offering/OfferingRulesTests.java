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
}
