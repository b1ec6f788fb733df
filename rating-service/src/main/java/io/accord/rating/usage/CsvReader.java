package io.accord.rating.usage;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream (quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF). A record longer than {@link #MAX_RECORD} characters is read to its end but not kept: {@link #next}
 * answers it as {@code tooLong}, so one absurd row cannot exhaust memory.
 */
final class CsvReader {

    static final int MAX_RECORD = 65_536;

    private final Reader in;
    private int pushedBack = -2;
    private long line = 1;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** One record: its fields, the line it starts on, whether it was too long (then {@code fields} is empty). */
    record Row(List<String> fields, long line, boolean tooLong, String problem) {
    }

    /** The next record, or {@code null} at the end of the stream. */
    Row next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') { // blank lines are skipped
            c = read();
        }
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        String problem = null;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    problem = "a quoted field is not closed before the end of the file";
                    fields.add(field.toString());
                    break;
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        append(field, '"', length++);
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    append(field, (char) c, length++);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pushBack(after);
                    }
                }
                break;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                append(field, (char) c, length++);
            }
            c = read();
        }
        if (length > MAX_RECORD) {
            return new Row(List.of(), start, true, "the row is longer than " + MAX_RECORD + " characters");
        }
        return new Row(fields, start, false, problem);
    }

    private static void append(StringBuilder field, char c, int length) {
        if (length < MAX_RECORD) {
            field.append(c);
        }
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
            return c;
        }
        c = in.read();
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void pushBack(int c) {
        pushedBack = c;
    }
}
