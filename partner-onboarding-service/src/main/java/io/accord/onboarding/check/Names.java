package io.accord.onboarding.check;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Company and person names in the form we compare: "Streamly Média GmbH &amp; Co. KG" and "STREAMLY MEDIA" are both
 * {@code streamly media}. Used by duplicate detection and denylist screening; store it next to a name that others
 * look up.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern JOINING = Pattern.compile("[.'’`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String[][] LETTERS_WITHOUT_DECOMPOSITION = {
            {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"ł", "l"}, {"đ", "d"}, {"ð", "d"}, {"þ", "th"},
            {"ı", "i"}, {"ħ", "h"}};

    private Names() {
    }

    /**
     * Lower case, accents and other diacritics removed, "&amp;" read as "and", dots and apostrophes dropped (so
     * "S.p.A." is "spa"), other punctuation as spaces, runs of spaces collapsed, and legal-form designations
     * (GmbH, Ltd, S.A., Oy, AB…) removed from either end as long as a word remains. Idempotent; {@code null} is
     * the empty string.
     */
    public static String normalise(String legalName) {
        if (legalName == null) {
            return "";
        }
        String text = folded(legalName).replace("&", " and ");
        text = SEPARATORS.matcher(JOINING.matcher(text).replaceAll("")).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return "";
        }
        return String.join(" ", withoutLegalForms(new ArrayList<>(Arrays.asList(text.split(" ")))));
    }

    /** The words of a normalised name. */
    static List<String> words(String normalisedName) {
        return normalisedName.isEmpty() ? List.of() : List.of(normalisedName.split(" "));
    }

    /**
     * Decomposed, without marks, lower case, until that changes nothing: one round is not always enough (lower
     * case of "İ" brings back a combining dot, decomposing "ᴬ" brings back a capital); bounded for safety.
     */
    private static String folded(String text) {
        String previous;
        String current = text;
        int rounds = 0;
        do {
            previous = current;
            current = MARKS.matcher(Normalizer.normalize(current, Normalizer.Form.NFKD)).replaceAll("")
                    .toLowerCase(Locale.ROOT);
            for (String[] letter : LETTERS_WITHOUT_DECOMPOSITION) {
                current = current.replace(letter[0], letter[1]);
            }
        } while (!current.equals(previous) && ++rounds < 8);
        return current;
    }

    private static List<String> withoutLegalForms(List<String> words) {
        boolean removed = true;
        while (removed) {
            removed = false;
            for (List<String> form : LegalForms.ALL) {
                int size = form.size();
                if (words.size() > size && words.subList(words.size() - size, words.size()).equals(form)) {
                    words.subList(words.size() - size, words.size()).clear();
                    removed = true;
                } else if (words.size() > size && words.subList(0, size).equals(form)) {
                    words.subList(0, size).clear();
                    removed = true;
                }
            }
        }
        return words;
    }
}
