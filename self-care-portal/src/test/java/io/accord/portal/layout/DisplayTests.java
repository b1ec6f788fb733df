package io.accord.portal.layout;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Money as every page shows it: the currency's minor digits, more only when significant, never rounded. */
class DisplayTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void moneyHasTheCurrencysMinorDigitsAndMoreOnlyWhenSignificant() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        // as the services send them: 500.0, 1.0, 0.2, 100.500000, 419.180000, a rate per unit
        assertThat(Display.money(new BigDecimal("500.0"), "EUR")).isEqualTo("500.00 EUR");
        assertThat(Display.money(JSON.readTree("1.0"), "EUR")).isEqualTo("1.00 EUR");
        assertThat(Display.money("0.2", "EUR")).isEqualTo("0.20 EUR");
        assertThat(Display.money(JSON.readTree("\"100.500000\""), "EUR")).isEqualTo("100.50 EUR");
        assertThat(Display.money(JSON.readTree("419.180000"), "EUR")).isEqualTo("419.18 EUR");
        assertThat(Display.money("0.000001", "EUR")).isEqualTo("0.000001 EUR");
        assertThat(Display.money("1.540005", "EUR")).as("exact, not rounded").isEqualTo("1.540005 EUR");
        assertThat(Display.money("1234567.5", "EUR")).isEqualTo("1,234,567.50 EUR");
        assertThat(Display.money("1500", "JPY")).isEqualTo("1,500 JPY");
        assertThat(Display.money("-2.5", "USD")).isEqualTo("-2.50 USD");
        assertThat(Display.money("7", null)).isEqualTo("7.00");
        assertThat(Display.money("7", "XYZ")).as("an unknown currency: two digits").isEqualTo("7.00 XYZ");
    }

    @Test
    void moneyIsWrittenInTheUsersLanguage() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(Display.money("1234.5", "EUR")).isEqualTo("1.234,50 EUR");
        assertThat(Display.money("0.000001", "EUR")).isEqualTo("0,000001 EUR");
        assertThat(Display.amount(JSON.readTree("\"18.270000\""))).isEqualTo("18,27");
    }

    @Test
    void noAmountIsEmptyAndTextThatIsNoNumberStaysAsItIs() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(Display.money(null, "EUR")).isEmpty();
        assertThat(Display.money(JSON.readTree("null"), "EUR")).isEmpty();
        assertThat(Display.money(JSON.missingNode(), "EUR")).isEmpty();
        assertThat(Display.money(" ", "EUR")).isEmpty();
        assertThat(Display.money("tiered", "EUR")).isEqualTo("tiered EUR");
    }

    @Test
    void totalsArePerCurrencyMinorUnitAndNumbersAndPercentagesCarryNoTrailingZeros() {
        assertThat(Display.total("81.59891", "EUR", Locale.ENGLISH)).isEqualTo("81.60 EUR");
        assertThat(Display.total("1.609362", "EUR", Locale.GERMAN)).isEqualTo("1,61 EUR");
        assertThat(Display.total("0.125", "EUR", Locale.ENGLISH)).as("half-even, as settlement rounds")
                .isEqualTo("0.12 EUR");
        assertThat(Display.total("1500.4", "JPY", Locale.ENGLISH)).isEqualTo("1,500 JPY");
        assertThat(Display.total(null, "EUR", Locale.ENGLISH)).isEmpty();
        assertThat(Display.number("100000.0", Locale.ENGLISH)).isEqualTo("100,000");
        assertThat(Display.number("100000.0", Locale.GERMAN)).isEqualTo("100.000");
        assertThat(Display.number(JSON.readTree("2400.500"), Locale.GERMAN)).isEqualTo("2.400,5");
        assertThat(Display.number("tiered", Locale.ENGLISH)).isEqualTo("tiered");
        assertThat(Display.percent("19.0", Locale.ENGLISH)).isEqualTo("19 %");
        assertThat(Display.percent("70.00", Locale.GERMAN)).isEqualTo("70 %");
        assertThat(Display.percent("0.5", Locale.GERMAN)).isEqualTo("0,5 %");
        assertThat(Display.percent(JSON.missingNode(), Locale.ENGLISH)).isEmpty();
    }

    @Test
    void quantitiesHaveTheDecimalsTheirUnitHasWithoutTheSumsResidue() {
        java.util.Locale german = java.util.Locale.GERMAN;
        assertThat(Display.quantity("455.100000003", "MIN", german)).isEqualTo("455,1");
        assertThat(Display.quantity("27306.000000018", "S", java.util.Locale.ENGLISH)).isEqualTo("27,306");
        assertThat(Display.quantity("1048576.0", "B", german)).isEqualTo("1.048.576");
        assertThat(Display.quantity("12.34567", "GB", german)).isEqualTo("12,346");
        assertThat(Display.quantity("3", "EVENT", german)).isEqualTo("3");
        assertThat(Display.quantity("0.25", "MIN", german)).isEqualTo("0,25");
        assertThat(Display.quantity(null, "MIN", german)).isEmpty();
        assertThat(Display.quantity("n/a", "MIN", german)).isEqualTo("n/a");
    }

    @Test
    void aTimeWithItsZoneIsTheMinuteInUtcNamedSo() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(Display.instantUtc("2026-12-07T01:57:12.5Z")).isEqualTo("2026-12-07 01:57 UTC");
        // a time a page already shortened reads the same
        assertThat(Display.instantUtc("2026-12-07 01:57")).isEqualTo("2026-12-07 01:57 UTC");
        assertThat(Display.instantUtc("")).isEmpty();
        assertThat(Display.instantUtc(null)).isEmpty();
    }
}
