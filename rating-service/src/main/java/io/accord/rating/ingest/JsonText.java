package io.accord.rating.ingest;

import java.util.Map;

/**
 * JSON text of the few small values the ledger stores as {@code jsonb} (parties, agreements, tier portions,
 * characteristics), written straight into a builder: cheaper per rated record than a mapper's generic serialisation.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code value} as a JSON string ({@code null} as null), escaped as RFC 8259 requires. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        // runs of characters that need no escape are appended whole (the common case: the whole value)
        int length = value.length();
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, run, length).append('"');
    }

    /** A JSON object of string values (jsonb keeps keys in its own order anyway). */
    static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder(32 * values.size()).append('{');
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, entry.getKey());
            out.append(':');
            string(out, entry.getValue());
        }
        return out.append('}').toString();
    }
}
