package io.accord.catalog.reference;

import io.accord.catalog.reference.ReferenceViews.CountryView;
import io.accord.catalog.reference.ReferenceViews.CurrencyView;
import io.accord.catalog.reference.ReferenceViews.TaxCategoryView;
import io.accord.catalog.reference.ReferenceViews.UnitView;
import io.accord.contracts.catalog.UnitOfMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The reference lists: currencies (those in circulation) and countries from the JDK's ISO tables, units from the
 * enum, tax categories from the database.
 */
@Component
class ReferenceLists {

    private static final List<CurrencyView> CURRENCIES = ReferenceData.IN_CIRCULATION.stream()
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .map(currency -> new CurrencyView(currency.getCurrencyCode(), currency.getNumericCodeAsString(),
                    currency.getDisplayName(Locale.ENGLISH),
                    currency.getDefaultFractionDigits() < 0 ? null : currency.getDefaultFractionDigits()))
            .toList();
    private static final List<CountryView> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
            .stream().sorted()
            .map(code -> Locale.of("", code))
            .map(locale -> new CountryView(locale.getCountry(), locale.getISO3Country(),
                    locale.getDisplayCountry(Locale.ENGLISH)))
            .toList();
    private static final List<UnitView> UNITS = Arrays.stream(UnitOfMeasure.values())
            .map(unit -> new UnitView(unit.name(), unit.label(), unit.dimension().name(),
                    unit.baseUnits().toPlainString()))
            .toList();

    private final JdbcClient jdbc;

    ReferenceLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CurrencyView> currencies() {
        return CURRENCIES;
    }

    List<CountryView> countries() {
        return COUNTRIES;
    }

    List<UnitView> units() {
        return UNITS;
    }

    List<TaxCategoryView> taxCategories() {
        return jdbc.sql("select code, name, description from tax_category order by code")
                .query((row, number) -> new TaxCategoryView(row.getString("code"), row.getString("name"),
                        row.getString("description")))
                .list();
    }
}
