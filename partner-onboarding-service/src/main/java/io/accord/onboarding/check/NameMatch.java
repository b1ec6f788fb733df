package io.accord.onboarding.check;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two normalised names denote the same party: equal, the same words in another order, or close enough
 * in Levenshtein similarity (1 - edit distance / longer length) to be a typo or a transliteration variant.
 */
final class NameMatch {

    private NameMatch() {
    }

    /** How the names match, in words for a reason; empty when they do not (or either is empty). */
    static Optional<String> between(String first, String second, double threshold) {
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        if (first.equals(second)) {
            return Optional.of("same name after normalisation");
        }
        Set<String> firstWords = new TreeSet<>(Names.words(first));
        Set<String> secondWords = new TreeSet<>(Names.words(second));
        if (firstWords.equals(secondWords)) {
            return Optional.of("same words");
        }
        double similarity = Math.max(similarity(first, second, threshold),
                similarity(String.join(" ", firstWords), String.join(" ", secondWords), threshold));
        return similarity >= threshold
                ? Optional.of(String.format(Locale.ROOT, "similarity %.2f", similarity))
                : Optional.empty();
    }

    /** 1 - distance / longer length; 0 straight away when the lengths alone rule the threshold out. */
    static double similarity(String first, String second, double threshold) {
        int longer = Math.max(first.length(), second.length());
        if (longer == 0) {
            return 1.0;
        }
        if (1.0 - (double) Math.abs(first.length() - second.length()) / longer < threshold) {
            return 0.0;
        }
        return 1.0 - (double) levenshtein(first, second) / longer;
    }

    static int levenshtein(String first, String second) {
        int[] previous = new int[second.length() + 1];
        int[] current = new int[second.length() + 1];
        for (int j = 0; j <= second.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= first.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= second.length(); j++) {
                int substitution = previous[j - 1] + (first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[second.length()];
    }
}
