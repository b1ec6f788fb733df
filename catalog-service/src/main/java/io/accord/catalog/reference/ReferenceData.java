package io.accord.catalog.reference;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What other catalog features may ask about reference data: ISO 4217 currencies, ISO 3166 countries, units, tax categories. */
@Component
public class ReferenceData {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An ISO 4217 currency code in use (upper case, e.g. {@code EUR}). */
    public boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    /** An ISO 3166-1 alpha-2 country code (upper case, e.g. {@code DE}). */
    public boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public Optional<UnitOfMeasure> unit(String code) {
        return UnitOfMeasure.ofCode(code);
    }

    public boolean isTaxCategory(String code) {
        return code != null && jdbc.sql("select count(*) from tax_category where code = :code").param("code", code)
                .query(Integer.class).single() > 0;
    }
}
