package io.accord.onboarding.check;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Streamly Média GmbH & Co. KG | streamly media",
            "STREAMLY MEDIA                | streamly media",
            "  Streamly   Media,  Ltd.     | streamly media",
            "Società Italiana S.p.A.       | societa italiana",
            "Ørsted A/S                    | orsted",
            "AB Volvo                      | volvo",
            "Telia Company AB (publ)       | telia",
            "Straße & Söhne GmbH           | strasse and sohne",
            "Łódź Telecom Sp. z o.o.       | lodz telecom",
            "Nokia Oyj                     | nokia",
            "O'Reilly Media, Inc.          | oreilly media",
            "GmbH                          | gmbh",
            "'...'                         | ''",
    })
    void removesCaseAccentsPunctuationAndLegalForms(String name, String normalised) {
        assertThat(Names.normalise(name)).isEqualTo(normalised);
    }

    @Test
    void nullIsEmpty() {
        assertThat(Names.normalise(null)).isEmpty();
    }

    @Property
    void normalisingIsIdempotent(@ForAll String name) {
        String once = Names.normalise(name);

        assertThat(Names.normalise(once)).isEqualTo(once);
    }

    @Property
    void normalisingIsIdempotentForNamesWithLegalForms(@ForAll("companyNames") String name) {
        String once = Names.normalise(name);

        assertThat(Names.normalise(once)).isEqualTo(once);
    }

    @Property
    void namesDifferingOnlyInCaseAccentsOrLegalSuffixMatch(@ForAll("baseNames") String base,
                                                           @ForAll("legalForms") String suffix,
                                                           @ForAll boolean upperCase) {
        String variant = accented(upperCase ? base.toUpperCase() : base) + " " + suffix;

        assertThat(Names.normalise(variant)).isEqualTo(Names.normalise(base));
        assertThat(NameMatch.between(Names.normalise(variant), Names.normalise(base), 0.9)).isPresent();
    }

    @Provide
    Arbitrary<String> baseNames() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10)
                .filter(candidate -> LegalForms.ALL.stream().noneMatch(form -> form.equals(List.of(candidate))));
        return word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> legalForms() {
        return Arbitraries.of("GmbH", "Ltd.", "Limited", "LLC", "Inc.", "S.A.", "SAS", "SARL", "S.p.A.", "B.V.",
                "N.V.", "AG", "Oy", "AB", "plc", "GmbH & Co. KG", "Sp. z o.o.", "S.r.l.", "A/S", "Pty Ltd");
    }

    @Provide
    Arbitrary<String> companyNames() {
        return Combinators.combine(baseNames(), legalForms(), Arbitraries.of(" ", ".", ", ", " & "))
                .as((base, form, separator) -> form + separator + base + separator + form);
    }

    /** Puts an accent on every vowel, in decomposed or composed form. */
    private static String accented(String name) {
        String decomposed = name.replaceAll("([aeiouAEIOU])", "$1\u0301");
        return name.length() % 2 == 0 ? decomposed : Normalizer.normalize(decomposed, Normalizer.Form.NFC);
    }
}
