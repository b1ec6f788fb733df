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
    /**
     * The currencies in circulation: each ISO 3166 country's currency now, by the JDK's ISO 4217 table (which knows
     * the cutovers, e.g. Bulgaria's to the euro). The codes that are no money (funds, precious metals, {@code XTS},
     * {@code XXX}) and the withdrawn ones ({@code DEM}) the table also lists are not among them.
     */
    static final Set<Currency> IN_CIRCULATION = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
            .map(ReferenceData::currencyOf).filter(java.util.Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> CURRENCIES = IN_CIRCULATION.stream().map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An ISO 4217 code of a currency in circulation (upper case, e.g. {@code EUR}; not {@code XXX}, {@code DEM}). */
    public boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    /** The decimals of a currency's minor unit (EUR 2, JPY 0, KWD 3), or -1 for a code not in circulation. */
    public int minorUnits(String code) {
        return isCurrency(code) ? Currency.getInstance(code).getDefaultFractionDigits() : -1;
    }

    private static Currency currencyOf(String country) {
        try {
            return Currency.getInstance(Locale.of("", country));
        } catch (IllegalArgumentException noCurrency) {
            return null;
        }
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
