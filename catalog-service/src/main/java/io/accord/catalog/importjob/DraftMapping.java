package io.accord.catalog.importjob;

import io.accord.catalog.offering.OfferingDraft;
import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.specification.SpecificationDraft;
import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a row's cells into the {@link OfferingDraft} the catalog imports (docs/catalog-import.md). Only the file's
 * own syntax is checked here (numbers, dates, the compact tier, rounding, participant and characteristic cells); the
 * catalog's rules are checked by the catalog when it imports the draft.
 */
final class DraftMapping {

    private DraftMapping() {
    }

    /**
     * The draft, each cell that could not be read (added to {@code problems}) left out as if blank, so that the
     * catalog can still check the others.
     */
    static OfferingDraft draft(ImportItem item, List<RowProblem> problems) {
        CellReader offering = new CellReader(item.offering(), problems);
        OfferingDraft.Kind kind = offering.choice(Columns.KIND, OfferingDraft.Kind.class);
        List<OfferingDraft.Participant> participants = new ArrayList<>();
        for (String entry : offering.list(Columns.PARTICIPANTS)) {
            participants.add(participant(offering, entry));
        }
        List<PriceDraft> prices = new ArrayList<>();
        for (Cells cells : item.prices()) {
            prices.add(price(new CellReader(cells, problems)));
        }
        return new OfferingDraft(offering.text(Columns.EXTERNAL_ID), offering.text(Columns.NAME),
                offering.text(Columns.DESCRIPTION), offering.text(Columns.CATEGORY), kind,
                offering.instant(Columns.VALID_FROM), offering.instant(Columns.VALID_TO),
                offering.list(Columns.SALES_CHANNELS), specification(offering, kind),
                offering.list(Columns.BUNDLED_OFFERINGS),
                offering.choice(Columns.BUNDLE_PRICING, OfferingDraft.BundlePricing.class), participants, prices);
    }

    /**
     * A single offering always has a specification: the columns' own, or by default one keyed and named like the
     * offering, with no characteristics. A bundle has one only if the file gives one (which the catalog refuses).
     */
    private static SpecificationDraft specification(CellReader cells, OfferingDraft.Kind kind) {
        boolean given = cells.text(Columns.SPECIFICATION) != null || cells.text(Columns.SPECIFICATION_NAME) != null
                || cells.text(Columns.CHARACTERISTICS) != null || cells.text(Columns.RESOURCE_TYPES) != null
                || cells.text(Columns.PARTNER_ACTIVATION) != null
                || cells.text(Columns.SPECIFICATION_DESCRIPTION) != null;
        if (kind == OfferingDraft.Kind.BUNDLE && !given) {
            return null;
        }
        String name = cells.text(Columns.SPECIFICATION_NAME) != null ? cells.text(Columns.SPECIFICATION_NAME)
                : cells.text(Columns.NAME);
        List<SpecificationDraft.Characteristic> characteristics = new ArrayList<>();
        for (String entry : CellReader.split(cells.text(Columns.CHARACTERISTICS), Columns.CHARACTERISTIC_SEPARATOR)) {
            characteristics.add(CharacteristicSyntax.parse(cells, entry));
        }
        Boolean activation = cells.bool(Columns.PARTNER_ACTIVATION);
        return new SpecificationDraft(cells.text(Columns.SPECIFICATION), name,
                cells.text(Columns.SPECIFICATION_DESCRIPTION), characteristics,
                new SpecificationDraft.Fulfilment(cells.list(Columns.RESOURCE_TYPES), Boolean.TRUE.equals(activation)));
    }

    /** {@code <partner id>:<share percent>}. */
    private static OfferingDraft.Participant participant(CellReader cells, String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon < 0) {
            cells.problem(Columns.PARTICIPANTS, "'" + entry + "' is not <partner id>:<share percent>");
            return null;
        }
        UUID partner = cells.uuid(Columns.PARTICIPANTS, entry.substring(0, colon));
        BigDecimal share = cells.decimal(Columns.PARTICIPANTS, entry.substring(colon + 1));
        return new OfferingDraft.Participant(partner, share);
    }

    private static PriceDraft price(CellReader cells) {
        Integer roundingFirst = null;
        Integer roundingNext = null;
        String rounding = cells.text(Columns.ROUNDING);
        if (rounding != null) {
            String[] parts = rounding.split("/", -1);
            if (parts.length != 2) {
                cells.problem(Columns.ROUNDING, "'" + rounding + "' is not <first>/<next> seconds, e.g. 60/1");
            } else {
                roundingFirst = cells.integer(Columns.ROUNDING, parts[0]);
                roundingNext = cells.integer(Columns.ROUNDING, parts[1]);
            }
        }
        List<PriceDraft.Tier> tiers = new ArrayList<>();
        for (String entry : cells.list(Columns.TIERS)) {
            tiers.add(tier(cells, entry));
        }
        return new PriceDraft(cells.text(Columns.PRICE_EXTERNAL_ID), cells.text(Columns.PRICE_NAME),
                cells.choice(Columns.PRICE_TYPE, PriceDraft.PriceType.class), cells.decimal(Columns.AMOUNT),
                cells.text(Columns.CURRENCY), cells.text(Columns.TAX_CATEGORY),
                cells.choice(Columns.RECURRING_PERIOD, PriceDraft.RecurringPeriod.class),
                cells.choice(Columns.PRORATION, PriceDraft.Proration.class),
                cells.choice(Columns.UNIT, UnitOfMeasure.class), roundingFirst, roundingNext,
                cells.decimal(Columns.MINIMUM_QUANTITY), cells.choice(Columns.TIER_MODE, PriceDraft.TierMode.class),
                tiers, cells.choice(Columns.ACCUMULATION, PriceDraft.Accumulation.class),
                cells.list(Columns.USAGE_TYPES), cells.decimal(Columns.MINIMUM_CHARGE),
                cells.instant(Columns.PRICE_VALID_FROM));
    }

    /** {@code <from>-<to>:<rate>}, the last tier open-ended: {@code 1000-:0.04}. */
    private static PriceDraft.Tier tier(CellReader cells, String entry) {
        int colon = entry.lastIndexOf(':');
        int dash = colon < 0 ? -1 : entry.substring(0, colon).indexOf('-');
        if (colon < 0 || dash < 0) {
            cells.problem(Columns.TIERS, "'" + entry + "' is not <from>-<to>:<rate> (e.g. 0-1000:0.05, or 1000-:0.04"
                    + " for the last tier)");
            return null;
        }
        BigDecimal from = cells.decimal(Columns.TIERS, entry.substring(0, dash));
        String to = entry.substring(dash + 1, colon).strip();
        return new PriceDraft.Tier(from, to.isEmpty() ? null : cells.decimal(Columns.TIERS, to),
                cells.decimal(Columns.TIERS, entry.substring(colon + 1)));
    }
}
