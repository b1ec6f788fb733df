package io.accord.onboarding.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One country's VAT (or business) number: its prefixes, the countries whose applicants use it, the format of the
 * number after the prefix, and its check-digit rule ({@code null} when we only know the format).
 *
 * @param format    the format in words, for the reason a partner manager reads
 * @param canonical turns an accepted short form into the full one (9-digit Belgian numbers get their leading 0)
 */
record VatScheme(List<String> prefixes, Set<String> countries, Pattern pattern, String format,
                 UnaryOperator<String> canonical, String algorithm, Predicate<String> checkDigits) {

    static VatScheme of(String prefix, String regex, String format) {
        return new VatScheme(List.of(prefix), Set.of(prefix), Pattern.compile(regex), format, UnaryOperator.identity(),
                null, null);
    }

    VatScheme checked(String algorithmName, Predicate<String> rule) {
        return new VatScheme(prefixes, countries, pattern, format, canonical, algorithmName, rule);
    }

    VatScheme forCountries(String... isoCountries) {
        return new VatScheme(prefixes, Set.of(isoCountries), pattern, format, canonical, algorithm, checkDigits);
    }

    VatScheme alsoPrefixed(String alternative) {
        List<String> all = new ArrayList<>(prefixes);
        all.add(alternative);
        return new VatScheme(List.copyOf(all), countries, pattern, format, canonical, algorithm, checkDigits);
    }

    VatScheme canonicalisedBy(UnaryOperator<String> rule) {
        return new VatScheme(prefixes, countries, pattern, format, rule, algorithm, checkDigits);
    }

    String prefix() {
        return prefixes.getFirst();
    }

    boolean formatOnly() {
        return checkDigits == null;
    }

    /** The number after the prefix in its full form, for the pattern and the check digits. */
    String complete(String number) {
        return canonical.apply(number);
    }

    boolean matchesFormat(String number) {
        return pattern.matcher(complete(number)).matches();
    }

    /** Only meaningful when {@link #matchesFormat} holds. */
    boolean checkDigitsVerify(String number) {
        return formatOnly() || checkDigits.test(complete(number));
    }
}
