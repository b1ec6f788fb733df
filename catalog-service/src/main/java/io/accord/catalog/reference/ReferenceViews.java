package io.accord.catalog.reference;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The reference data as the API shows it; decimal quantities are strings, so they stay exact. */
final class ReferenceViews {

    private ReferenceViews() {
    }

    /**
     * An ISO 4217 currency.
     *
     * @param minorUnits decimals of the minor unit (2 for EUR, 0 for JPY); absent where none applies (gold, XAU)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CurrencyView(String code, String numericCode, String name, Integer minorUnits) {
    }

    /** An ISO 3166-1 country: alpha-2, alpha-3 and its English name. */
    record CountryView(String alpha2, String alpha3, String name) {
    }

    /** A unit of measure: {@code baseUnits} of the dimension's smallest unit (B, S, or itself) make one. */
    record UnitView(String code, String label, String dimension, String baseUnits) {
    }

    /** A tax category a price names. */
    record TaxCategoryView(String code, String name, String description) {
    }

    /**
     * A conversion between two units of one dimension.
     *
     * @param exact false when the exact result has no finite decimal (1 s in minutes): then it is rounded half-even
     *              to {@code ReferenceController.ROUNDED_SCALE} decimals
     */
    record ConversionView(String quantity, String from, String to, String result, boolean exact) {
    }
}
