package io.accord.platform.persistence;

/**
 * Text taken from a caller's file or record that is kept to be shown back (a row's error, its id in a report): no
 * PostgreSQL text or {@code jsonb} string holds a NUL character (U+0000), so it is written as the six characters
 * backslash, {@code u}, {@code 0000}. A value that is stored as data is refused instead, naming its field.
 */
public final class StorableText {

    private StorableText() {
    }

    /** The text with each NUL written as the six characters of its escape; null stays null. */
    public static String of(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "\\u0000");
    }

    /**
     * Whether PostgreSQL can store the text as it is, in a text column and in a {@code jsonb} string: no NUL character
     * and no unpaired UTF-16 surrogate (JSON's {@code "\ud800"} decodes to one; {@code jsonb} refuses it, and UTF-8
     * has no encoding for it).
     */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
