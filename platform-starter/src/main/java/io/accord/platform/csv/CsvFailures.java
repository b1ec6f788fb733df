package io.accord.platform.csv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CSV file's reader (Commons CSV) could not read, said for the person who wrote the file. The parser's own
 * message reached partners as "org.apache.commons.csv.CSVException: (startline 4) EOF reached before encapsulated
 * token finished" (settlement's invoice upload, found on 2026-12-06): a class name and the parser's vocabulary.
 */
public final class CsvFailures {

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)\\s*");
    private static final Pattern LINE = Pattern.compile("\\(line (\\d+)\\)\\s*");
    private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

    private CsvFailures() {
    }

    /**
     * The reason in plain words: {@code a quoted value starting on line 4 is not closed (a " without its closing ")}.
     * A message the parser words otherwise is passed on without the exception's class name.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replaceFirst("^[a-z][\\w.]*\\.[A-Z]\\w*(Exception|Error): ", "");
        String where = "";
        Matcher start = START_LINE.matcher(message);
        Matcher line = LINE.matcher(message);
        if (start.find()) {
            where = " starting on line " + start.group(1);
            message = start.replaceFirst("");
        } else if (line.find()) {
            where = " on line " + line.group(1);
            message = line.replaceFirst("");
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value" + where + " is not closed (a \" without its closing \")";
        }
        Matcher at = AT_LINE.matcher(message);
        if (where.isEmpty() && at.find()) {
            where = " on line " + at.group(1);
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
            return "a quoted value" + where + " is followed by other characters before the next comma (write "
                    + "\"a\"\"b\" for a quote inside a quoted value)";
        }
        return message.strip();
    }
}
