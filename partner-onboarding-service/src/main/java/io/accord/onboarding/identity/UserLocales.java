package io.accord.onboarding.identity;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.PartnerDirectory;
import io.accord.platform.problem.InvalidInputException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the users onboarding creates, kept in their Keycloak {@code locale} attribute, which Keycloak's
 * e-mails (the first-login link) and login pages use (found on 2026-12-07: a German applicant's admin got "Update
 * Your Account" in English). An application does not record the language it was made in, so the partner's country
 * decides; only a locale of the realm's internationalization is ever set.
 */
@Component
class UserLocales {

    static final String ATTRIBUTE = "locale";

    /** The language of a country where it is not the fallback; used only when the realm supports it. */
    private static final Map<String, String> LANGUAGE_OF_COUNTRY = Map.of(
            "DE", "de", "AT", "de", "CH", "de", "LI", "de",
            "FR", "fr", "BE", "fr", "LU", "fr", "MC", "fr");

    private final PartnerDirectory partners;
    private final List<String> supported;

    UserLocales(PartnerDirectory partners, IdentityProperties properties) {
        this.partners = partners;
        this.supported = properties.locales().stream().map(locale -> locale.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The locale for the partner's users: its country's language if the realm has it, else the fallback. */
    String of(PartnerId partner) {
        String country = partners.find(partner).map(PartnerDirectory.Entry::country).orElse(null);
        String language = country == null ? null
                : LANGUAGE_OF_COUNTRY.get(country.strip().toUpperCase(Locale.ROOT));
        return language != null && supported.contains(language) ? language : fallback();
    }

    /**
     * The locale asked for (e.g. with an invitation), else the partner's.
     *
     * @throws InvalidInputException (400) for a locale the realm does not support
     */
    String of(PartnerId partner, String requested) {
        if (requested == null || requested.isBlank()) {
            return of(partner);
        }
        String locale = requested.strip().toLowerCase(Locale.ROOT);
        if (!supported.contains(locale)) {
            throw new InvalidInputException(ATTRIBUTE, "must be one of " + supported + ", not '" + requested + "'");
        }
        return locale;
    }

    private String fallback() {
        return supported.contains("en") || supported.isEmpty() ? "en" : supported.getFirst();
    }
}
