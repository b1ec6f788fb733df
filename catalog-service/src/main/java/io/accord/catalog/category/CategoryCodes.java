package io.accord.catalog.category;

import io.accord.platform.problem.InvalidInputException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Category codes: what agreements' revenue-share rules name (e.g. {@code VIDEO}), so upper case letters, digits and
 * underscores only. A TMF client does not know our {@code code}: then it is derived from the name.
 */
final class CategoryCodes {

    static final int MAX_LENGTH = 60;
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9_]{0," + (MAX_LENGTH - 1) + "}");

    private CategoryCodes() {
    }

    /** The code given (checked), or one derived from {@code name}: "Video on demand" → {@code VIDEO_ON_DEMAND}. */
    static String codeFor(String code, String name) {
        if (code != null) {
            if (!FORMAT.matcher(code).matches()) {
                throw new InvalidInputException("code", "code must be 1 to " + MAX_LENGTH
                        + " upper-case letters, digits or underscores, starting with a letter or digit (e.g. VIDEO)");
            }
            return code;
        }
        String derived = fromName(name);
        if (derived.isEmpty()) {
            throw new InvalidInputException("code", "no code can be derived from the name; send a code such as VIDEO");
        }
        return derived;
    }

    static String fromName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        code = code.length() > MAX_LENGTH ? code.substring(0, MAX_LENGTH) : code;
        return code.replaceAll("_+$", "");
    }
}
