package io.accord.portal.layout;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts typed into forms, read in the user's language; what could be read two ways is refused. */
class TypedAmountsTests {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "'1,000', en, 1000", "1.000, de, 1000", "'62.015,72', de, 62015.72", "'62,015.72', en, 62015.72",
            "1000, en, 1000", "1000, de, 1000", "1000.50, en, 1000.50", "'1000,50', de, 1000.50",
            "' 12.5 ', en, 12.5", "0, en, 0", "'1,234,567.89', en, 1234567.89", "'1.234.567,89', de, 1234567.89"})
    void readsTheLanguagesGroupingAndDecimalMark(String typed, String language, String amount) {
        assertThat(TypedAmounts.parse(typed, Locale.forLanguageTag(language), 2)).contains(new BigDecimal(amount));
    }

    @ParameterizedTest(name = "{0} in {1} is refused")
    @CsvSource({
            "'1,5', en", "1.5, de", "'1,00', en", "10.00.000, de", "'10,00,000', en", "'1,0000', en",
            "'1.000,505', de", "1.505, en", "-3, en", "+3, en", "1e3, en", "'', en", "' ', de", ".5, en", "'5,', de",
            "'1,000.', en", "abc, en", "1 000, en", "'1.000,00', en", "'1,000.00', de", "1234567890123456789, en",
            "0.500, de", "'0,500', en", "'00.500', de"})
    void refusesWhatCouldBeReadTwoWaysOrIsNoAmount(String typed, String language) {
        assertThat(TypedAmounts.parse(typed, Locale.forLanguageTag(language), 2)).isEmpty();
    }

    @Test
    void takesAtMostTheDecimalsAsked() {
        assertThat(TypedAmounts.parse("0,000001", Locale.GERMAN, 6)).contains(new BigDecimal("0.000001"));
        assertThat(TypedAmounts.parse("0,0000001", Locale.GERMAN, 6)).isEmpty();
        assertThat(TypedAmounts.parse("12", Locale.ENGLISH, TypedAmounts.minorDigits("JPY"))).isPresent();
        assertThat(TypedAmounts.parse("12.5", Locale.ENGLISH, TypedAmounts.minorDigits("JPY"))).isEmpty();
        assertThat(TypedAmounts.minorDigits("EUR")).isEqualTo(2);
        assertThat(TypedAmounts.minorDigits("XYZ")).isEqualTo(2);
    }

    /** Whatever a page shows as money, and a form's starting value, read back as the same amount, in both languages. */
    @Test
    void readsBackWhatThePagesShowAndWhatTheFormsStartWith() {
        Random random = new Random(20261207L);
        for (int i = 0; i < 2000; i++) {
            BigDecimal amount = BigDecimal.valueOf(Math.abs(random.nextLong()) % 10_000_000_000L, random.nextInt(3));
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN, Locale.UK, Locale.GERMANY}) {
                String shown = Display.amount(amount, "EUR", locale);
                Optional<BigDecimal> read = TypedAmounts.parse(shown, locale, 2);
                assertThat(read).as(shown).isPresent();
                assertThat(read.get()).as(shown).isEqualByComparingTo(amount);
                String editable = TypedAmounts.editable(amount.toPlainString(), locale);
                assertThat(TypedAmounts.parse(editable, locale, 2).map(BigDecimal::stripTrailingZeros))
                        .as(editable).contains(amount.stripTrailingZeros());
            }
        }
    }

    @Test
    void readsASignedQuantityWithMoreDecimalsWhenAsked() {
        assertThat(TypedAmounts.parseSigned("37.772", Locale.GERMAN, 9)).contains(new BigDecimal("37772"));
        assertThat(TypedAmounts.parseSigned("-13.220,20", Locale.GERMAN, 2)).contains(new BigDecimal("-13220.20"));
        assertThat(TypedAmounts.parseSigned("\u22124,10", Locale.GERMAN, 2)).contains(new BigDecimal("-4.10"));
        assertThat(TypedAmounts.parseSigned("0,000000001", Locale.GERMAN, 9)).contains(new BigDecimal("0.000000001"));
        assertThat(TypedAmounts.parseSigned("- 3", Locale.ENGLISH, 2)).isEmpty();
        assertThat(TypedAmounts.parseSigned("--3", Locale.ENGLISH, 2)).isEmpty();
        assertThat(TypedAmounts.parseSigned("+3", Locale.ENGLISH, 2)).isEmpty();
        assertThat(TypedAmounts.parseSigned("-", Locale.ENGLISH, 2)).isEmpty();
    }

    @Test
    void writesAFormsStartingValueInTheLanguage() {
        assertThat(TypedAmounts.editable("62015.720", Locale.GERMAN)).isEqualTo("62015,72");
        assertThat(TypedAmounts.editable("100.50", Locale.ENGLISH)).isEqualTo("100.50");
        assertThat(TypedAmounts.editable("100.00", Locale.GERMAN)).isEqualTo("100");
        assertThat(TypedAmounts.editable("", Locale.GERMAN)).isEmpty();
        assertThat(TypedAmounts.example(Locale.GERMAN)).isEqualTo("1.234,50");
    }
}
