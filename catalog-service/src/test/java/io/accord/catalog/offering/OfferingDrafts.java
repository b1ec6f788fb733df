package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.specification.SpecificationDraft;
import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test-data builders of valid drafts. */
public final class OfferingDrafts {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private OfferingDrafts() {
    }

    public static OfferingDraft single(String externalId) {
        return single(externalId, "9.99");
    }

    public static OfferingDraft single(String externalId, String monthly) {
        return new OfferingDraft(externalId, "Offer " + externalId, "A test offering", "VIDEO",
                OfferingDraft.Kind.SINGLE, null, null, List.of("ONLINE"), specification("spec-" + externalId),
                List.of(), null, List.of(), List.of(monthly("monthly", monthly, START), usage("usage", START)));
    }

    public static SpecificationDraft specification(String externalId) {
        return new SpecificationDraft(externalId, "Spec " + externalId, null, List.of(
                new SpecificationDraft.Characteristic("quality", SpecificationDraft.ValueType.ENUM,
                        List.of("HD", "UHD"), null, null, null, true, true, null),
                new SpecificationDraft.Characteristic("screens", SpecificationDraft.ValueType.NUMBER, List.of(),
                        null, null, null, false, false, "2")),
                new SpecificationDraft.Fulfilment(List.of("LICENCE_KEY"), true));
    }

    public static PriceDraft monthly(String key, String amount, Instant from) {
        return new PriceDraft(key, "Monthly fee", PriceDraft.PriceType.RECURRING, new BigDecimal(amount), "EUR",
                "STANDARD", PriceDraft.RecurringPeriod.MONTH, PriceDraft.Proration.DAILY, null, null, null, null,
                null, List.of(), null, List.of(), null, from);
    }

    public static PriceDraft usage(String key, Instant from) {
        return new PriceDraft(key, "Streaming minutes", PriceDraft.PriceType.USAGE, null, "EUR", "STANDARD", null,
                null, UnitOfMeasure.MIN, 60, 1, new BigDecimal("1"), PriceDraft.TierMode.GRADUATED,
                List.of(new PriceDraft.Tier(BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("0.05")),
                        new PriceDraft.Tier(new BigDecimal("100"), null, new BigDecimal("0.02"))),
                PriceDraft.Accumulation.CALENDAR_MONTH, List.of("STREAMING"), null, from);
    }

    public static OfferingDraft coCreated(String externalId, UUID participant, String share) {
        OfferingDraft base = single(externalId);
        return new OfferingDraft(base.externalId(), base.name(), base.description(), base.categoryCode(), base.kind(),
                base.validFrom(), base.validTo(), base.salesChannels(), base.specification(), List.of(), null,
                List.of(new OfferingDraft.Participant(participant, new BigDecimal(share))), base.prices());
    }

    public static OfferingDraft bundle(String externalId, String... components) {
        return new OfferingDraft(externalId, "Bundle " + externalId, null, "VIDEO", OfferingDraft.Kind.BUNDLE, null,
                null, List.of("ONLINE"), null, List.of(components), OfferingDraft.BundlePricing.OWN, List.of(),
                List.of(monthly("bundle-monthly", "14.99", START)));
    }
}
