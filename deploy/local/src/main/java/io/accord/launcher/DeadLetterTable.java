package io.accord.launcher;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * How {@code ./accord dlt} prints dead letters (the service's {@code DeadLetter} JSON): a table of id, original topic,
 * key, error, replay state and age, or one dead letter's every field and its payload.
 */
final class DeadLetterTable {

    private static final String[] HEADINGS = {"ID", "TOPIC", "KEY", "ERROR", "REPLAY", "AGE"};
    private static final int[] WIDEST = {80, 60, 40, 80, 8, 5};
    private static final String CONTAINER_PREFIX = "^Listener method '[^']*' threw exception; ";
    private static final String[] FIELDS = {"topic", "partition", "offset", "timestamp", "key", "originalTopic",
            "originalPartition", "originalOffset", "originalTimestamp", "consumerGroup", "eventId", "eventType",
            "subject", "exception", "message", "replayState", "replayedAt", "replayedBy"};

    private DeadLetterTable() {
    }

    static void print(List<JsonNode> letters, Instant now, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (JsonNode letter : letters) {
            rows.add(new String[] {id(letter), text(letter, "originalTopic"), text(letter, "key"), error(letter),
                    text(letter, "replayState"), age(letter, now)});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                row[column] = abbreviated(row[column], WIDEST[column]);
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                line.append(column == 0 ? "" : "  ").append(column == row.length - 1 ? row[column]
                        : String.format("%-" + widths[column] + "s", row[column]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static void printOne(JsonNode letter, Instant now, PrintStream out) {
        out.println("id                 " + id(letter) + "  (" + age(letter, now) + " old)");
        for (String field : FIELDS) {
            out.println(String.format("%-18s %s", field, text(letter, field)));
        }
        out.println("payload");
        out.println(letter.path("payload").isString() ? letter.path("payload").asString() : "-");
    }

    /** {@code <dlt>-<partition>@<offset>}: what {@code show} and {@code replay} take, the audit trail's id. */
    static String id(JsonNode letter) {
        return text(letter, "topic") + "-" + text(letter, "partition") + "@" + text(letter, "offset");
    }

    /**
     * The exception's class without its package, then its message on one line, without the listener container's
     * {@code Listener method '...' threw exception; } before what went wrong.
     */
    private static String error(JsonNode letter) {
        String exception = text(letter, "exception");
        String message = text(letter, "message").replaceAll("\\s+", " ").replaceFirst(CONTAINER_PREFIX, "");
        return exception.substring(exception.lastIndexOf('.') + 1) + ("-".equals(message) ? "" : ": " + message);
    }

    private static String age(JsonNode letter, Instant now) {
        try {
            return DeadLettersCommand.age(Instant.parse(letter.path("timestamp").asString()), now);
        } catch (DateTimeParseException noTime) {
            return "-";
        }
    }

    private static String text(JsonNode letter, String field) {
        JsonNode value = letter.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.asString();
    }

    private static String abbreviated(String text, int widest) {
        return text.length() <= widest ? text : text.substring(0, widest - 3) + "...";
    }
}
