package io.accord.onboarding.check;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tax ids in the one form we compare and store. */
public final class TaxIds {

    private TaxIds() {
    }

    /**
     * Upper case without separators or spaces: {@code "de 136.695-976"} becomes {@code "DE136695976"}. Keeps letters,
     * digits, and the {@code +}/{@code *} of old Irish numbers. {@code null} stays {@code null}.
     */
    public static String normalise(String taxId) {
        if (taxId == null) {
            return null;
        }
        String upper = Normalizer.normalize(taxId, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(upper.length());
        upper.codePoints()
                .filter(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '*')
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * The normalised tax id with its country's VAT prefix, whether or not the applicant typed it
     * ({@code 136695976} in DE is {@code DE136695976}); as {@link #normalise} for countries without a known scheme
     * or a number that does not fit its scheme.
     */
    public static String canonical(String taxId, String country) {
        String normalised = normalise(taxId);
        if (normalised == null || country == null) {
            return normalised;
        }
        return VatSchemes.forCountry(country)
                .flatMap(scheme -> numberPart(normalised, scheme)
                        .filter(scheme::matchesFormat)
                        .map(number -> scheme.prefix() + scheme.complete(number)))
                .orElse(normalised);
    }

    /** The number after the scheme's prefix, or the whole normalised id when it carries no prefix of any scheme. */
    static Optional<String> numberPart(String normalised, VatScheme scheme) {
        Optional<Map.Entry<String, VatScheme>> prefixed = VatSchemes.prefixing(normalised);
        if (prefixed.isEmpty()) {
            return Optional.of(normalised);
        }
        return prefixed.get().getValue() == scheme
                ? Optional.of(normalised.substring(prefixed.get().getKey().length()))
                : Optional.empty();
    }

    /** The forms another record of the same tax id may be stored under: as typed, with and without the prefix. */
    static List<String> lookupForms(String taxId, String country) {
        Set<String> forms = new LinkedHashSet<>();
        String normalised = normalise(taxId);
        if (normalised == null || normalised.isEmpty()) {
            return List.of();
        }
        forms.add(normalised);
        String canonical = canonical(taxId, country);
        forms.add(canonical);
        VatSchemes.forCountry(country == null ? "" : country)
                .filter(scheme -> canonical.startsWith(scheme.prefix()))
                .ifPresent(scheme -> forms.add(canonical.substring(scheme.prefix().length())));
        return List.copyOf(forms);
    }
}
