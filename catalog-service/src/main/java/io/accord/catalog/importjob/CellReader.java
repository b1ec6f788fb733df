package io.accord.catalog.importjob;

import io.accord.platform.time.SupportedTimes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads typed values out of one offering's or price's cells, collecting a problem per bad cell instead of failing. */
final class CellReader {

    private final Cells cells;
    private final List<RowProblem> problems;
    private final java.util.Set<String> unstorable = new java.util.HashSet<>();

    /**
     * Reads these cells; a cell holding a NUL character, which no text column can store, is a problem at once, and
     * read as blank (so that the catalog's checks of the other cells never send it to the database).
     */
    CellReader(Cells cells, List<RowProblem> problems) {
        this.cells = cells;
        this.problems = problems;
        cells.values().forEach((column, text) -> {
            if (text.indexOf('\u0000') >= 0) {
                unstorable.add(column);
                problem(column, "holds a NUL character (U+0000), which cannot be stored; remove it");
            }
        });
    }

    String text(String column) {
        return get(column);
    }

    private String get(String column) {
        return unstorable.contains(column) ? null : cells.get(column);
    }

    BigDecimal decimal(String column) {
        String text = get(column);
        return text == null ? null : decimal(column, text);
    }

    BigDecimal decimal(String column, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            problem(column, "'" + text + "' is not a decimal number (e.g. 7.99)");
            return null;
        }
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) {
        String text = get(column);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problem(column, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An instant ({@code 2026-01-01T00:00:00Z}) or a date, meaning its start in UTC. */
    Instant instant(String column) {
        String text = get(column);
        if (text == null) {
            return null;
        }
        try {
            // to the microsecond PostgreSQL keeps, as the API reads times
            Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : SupportedTimes.microseconds(Instant.parse(text));
            if (SupportedTimes.contains(instant)) {
                return instant;
            }
            problem(column, "'" + text + "' is not " + SupportedTimes.RANGE);
            return null;
        } catch (DateTimeParseException malformed) {
            problem(column, "'" + text + "' is not a date (2026-01-31) or UTC time (2026-01-31T00:00:00Z)");
            return null;
        }
    }

    Boolean bool(String column) {
        String text = get(column);
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problem(column, "'" + text + "' is not true or false");
                yield null;
            }
        };
    }

    UUID uuid(String column, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            problem(column, "'" + text + "' is not a partner id (UUID)");
            return null;
        }
    }

    Integer integer(String column, String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            problem(column, "'" + text + "' is not a whole number");
            return null;
        }
    }

    /** The {@code |}-separated entries of a list cell, each stripped; empty when the cell is. */
    List<String> list(String column) {
        return split(get(column), Columns.LIST_SEPARATOR);
    }

    static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : text.split(Pattern.quote(separator), -1)) {
            entries.add(entry.strip());
        }
        return entries;
    }

    void problem(String column, String message) {
        problems.add(new RowProblem(cells.field(column), cells.line(), message));
    }
}
