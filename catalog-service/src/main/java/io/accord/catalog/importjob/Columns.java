package io.accord.catalog.importjob;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The documented column set of catalog files (docs/catalog-import.md). A CSV header and the fields of a JSON
 * offering object use these same names; a CSV file has one line per offering and price, the offering's columns
 * repeated (or left empty) on the lines of its further prices.
 */
final class Columns {

    static final String EXTERNAL_ID = "externalId";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String KIND = "kind";
    static final String VALID_FROM = "validFrom";
    static final String VALID_TO = "validTo";
    static final String SALES_CHANNELS = "salesChannels";
    static final String SPECIFICATION = "specification";
    static final String SPECIFICATION_NAME = "specificationName";
    static final String SPECIFICATION_DESCRIPTION = "specificationDescription";
    static final String CHARACTERISTICS = "characteristics";
    static final String RESOURCE_TYPES = "resourceTypes";
    static final String PARTNER_ACTIVATION = "partnerActivation";
    static final String BUNDLED_OFFERINGS = "bundledOfferings";
    static final String BUNDLE_PRICING = "bundlePricing";
    static final String PARTICIPANTS = "participants";

    static final String PRICES = "prices";
    static final String PRICE_EXTERNAL_ID = "priceExternalId";
    static final String PRICE_NAME = "priceName";
    static final String PRICE_TYPE = "priceType";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String RECURRING_PERIOD = "recurringPeriod";
    static final String PRORATION = "proration";
    static final String UNIT = "unit";
    static final String USAGE_TYPES = "usageTypes";
    static final String ROUNDING = "rounding";
    static final String MINIMUM_QUANTITY = "minimumQuantity";
    static final String TIERS = "tiers";
    static final String TIER_MODE = "tierMode";
    static final String ACCUMULATION = "accumulation";
    static final String MINIMUM_CHARGE = "minimumCharge";
    static final String TAX_CATEGORY = "taxCategory";
    static final String PRICE_VALID_FROM = "priceValidFrom";

    static final List<String> OFFERING = List.of(EXTERNAL_ID, NAME, DESCRIPTION, CATEGORY, KIND, VALID_FROM,
            VALID_TO, SALES_CHANNELS, SPECIFICATION, SPECIFICATION_NAME, SPECIFICATION_DESCRIPTION, CHARACTERISTICS,
            RESOURCE_TYPES, PARTNER_ACTIVATION, BUNDLED_OFFERINGS, BUNDLE_PRICING, PARTICIPANTS);

    static final List<String> PRICE = List.of(PRICE_EXTERNAL_ID, PRICE_NAME, PRICE_TYPE, AMOUNT, CURRENCY,
            TAX_CATEGORY, RECURRING_PERIOD, PRORATION, UNIT, USAGE_TYPES, ROUNDING, MINIMUM_QUANTITY, TIER_MODE, TIERS,
            ACCUMULATION, MINIMUM_CHARGE, PRICE_VALID_FROM);

    /** The columns that hold a number: the CSV export writes them as they are, every other one formula-guarded. */
    static final Set<String> NUMBERS = Set.of(AMOUNT, MINIMUM_QUANTITY, MINIMUM_CHARGE);

    /** The CSV header, in the order the export writes it. */
    static final List<String> ALL = Stream.concat(OFFERING.stream(), PRICE.stream()).toList();

    /** The columns a CSV header must have; every other column is optional. */
    static final List<String> REQUIRED = List.of(EXTERNAL_ID, NAME);

    /** Separates the entries of a list cell ({@code WEB|RETAIL}, tiers, participants). */
    static final String LIST_SEPARATOR = "|";
    /** Separates the characteristics in their cell. */
    static final String CHARACTERISTIC_SEPARATOR = ";";

    private Columns() {
    }
}
