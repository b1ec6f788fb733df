package io.accord.platform.csv;

/**
 * Cells of the CSV files the services write for people, who open them in spreadsheets, and read back.
 *
 * <p><b>Formula guard</b> (OWASP "CSV injection"): a spreadsheet takes a cell that starts with {@code = + - @}, a tab
 * or a carriage return for a formula, and texts in our files may come from another party (a partner's offering name
 * in a staff member's catalog export, another partner's usage id). Such a text is written after a {@code '}, which
 * spreadsheets show as text. So that files round-trip exactly, a text that starts with {@code '} followed by one of
 * those characters or another {@code '} gets a {@code '} too, and {@link #unguard} takes exactly one off: for every
 * text {@code unguard(guard(text)).equals(text)}. Numbers are not guarded (a negative amount stays a number); write
 * them as they are.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** {@code text} guarded and quoted: a whole cell of a hand-written CSV line ({@code null} as empty). */
    public static String text(String text) {
        return quoted(guard(text));
    }

    /** {@code text} with a {@code '} in front when a spreadsheet would take it for a formula ({@code null} as ""). */
    public static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return guarded(text) || text.charAt(0) == '\'' && text.length() > 1 && escapes(text.charAt(1))
                ? "'" + text : text;
    }

    /** The text a {@linkplain #guard guarded} cell holds: one leading {@code '} taken off where guard put one. */
    public static String unguard(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && escapes(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled ({@code null} as empty). */
    public static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + cell.replace("\"", "\"\"") + '"';
            }
        }
        return cell;
    }

    private static boolean guarded(String text) {
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    private static boolean escapes(char second) {
        return second == '\'' || FORMULA_STARTS.indexOf(second) >= 0;
    }
}
