package io.accord.portal.layout;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's English field messages in the user's language, by the kind of constraint they name. */
class FormProblemsTests {

    private final FormProblems problems = new FormProblems(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "must not be blank | de | Bitte füllen Sie dieses Feld aus.",
            "must not be null | en | Please fill in this field.",
            "must be a well-formed email address | de | Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.",
            "must be a well-formed email address | en | Enter a valid e-mail address, e.g. name@example.com.",
            "size must be between 0 and 200 | de | Geben Sie 0 bis 200 Zeichen ein.",
            "must be between 1 and 100 | de | Geben Sie einen Wert von 1 bis 100 ein.",
            "quantity must be between 1 and 100 | en | Enter a value from 1 to 100.",
            "must be between 1 and 100: one item takes at most 100 units | de | Geben Sie einen Wert von 1 bis 100 ein.",
            "must be between 1 and 100: one item takes at most 100 units | en | must be between 1 and 100: one item takes at most 100 units",
            "must be greater than or equal to 0 | de | Geben Sie 0 oder mehr ein.",
            "must be less than or equal to 100 | de | Geben Sie höchstens 100 ein.",
            "must match \"[A-Z]{3}\" | de | Dieser Wert hat nicht das erwartete Format.",
            "the check digits are wrong | de | Dieser Wert wird nicht angenommen.",
            "the check digits are wrong | en | the check digits are wrong",
            "quota is between 1 and 100 MB, not 500 | en | quota is between 1 and 100 MB, not 500"})
    void saysEachKindOfConstraintInTheUsersLanguage(String service, String language, String shown) {
        assertThat(problems.localized(service, Locale.forLanguageTag(language))).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void keepsTheFieldsTheServiceNamed() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            assertThat(problems.localized(Map.of("billing.email", "must be a well-formed email address")))
                    .containsOnlyKeys("billing.email");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
