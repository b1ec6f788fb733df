package io.accord.rating.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 date-times of every usage record, read and written without java.time's general formatters for the forms
 * they nearly always take: in the rating benchmark (JFR) {@code OffsetDateTime.parse} was about a twelfth of the
 * pipeline thread's CPU time and formatting the rated events' two times about an eighth of the publisher's. Every
 * other input goes through the formatters themselves, so the results are always exactly theirs ({@code
 * IsoTimesTests} compares both on random values and strings).
 */
final class IsoTimes {

    private IsoTimes() {
    }

    /**
     * As {@link OffsetDateTime#parse(CharSequence)} ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}), which it
     * falls back to for anything but {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}; throws as it does.
     */
    static OffsetDateTime parseOffsetDateTime(String text) {
        OffsetDateTime read = readCommon(text);
        return read != null ? read : OffsetDateTime.parse(text);
    }

    /** The common form read directly, or {@code null} when the text is any other (valid or not). */
    static OffsetDateTime readCommon(String s) {
        int n = s.length();
        if (n < 20 || n > 35 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nano = nano * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || i < n && isDigit(s.charAt(i))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if (hours < 0 || minutes < 0 || hours > 17 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3600 + minutes * 60;
            offset = ZoneOffset.ofTotalSeconds(s.charAt(i) == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    }

    /** Appends {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s text of {@code value}. */
    static void appendOffsetDateTime(StringBuilder out, OffsetDateTime value) {
        int year = value.getYear();
        int offsetSeconds = value.getOffset().getTotalSeconds();
        if (year < 1000 || year > 9999 || offsetSeconds % 60 != 0) {
            out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            return;
        }
        date(out, year, value.getMonthValue(), value.getDayOfMonth());
        time(out, value.getHour(), value.getMinute(), value.getSecond());
        int nano = value.getNano();
        if (nano != 0) {
            // as few digits as the value needs (trailing zeros dropped)
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            out.append('.');
            fraction(out, nano, digits);
        }
        if (offsetSeconds == 0) {
            out.append('Z');
            return;
        }
        int absolute = Math.abs(offsetSeconds);
        out.append(offsetSeconds < 0 ? '-' : '+');
        two(out, absolute / 3600);
        out.append(':');
        two(out, absolute / 60 % 60);
    }

    /** Appends {@link Instant#toString}'s text of {@code value}. */
    static void appendInstant(StringBuilder out, Instant value) {
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            out.append(value);
            return;
        }
        date(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        int secondOfDay = (int) (seconds - day * 86_400);
        time(out, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
        int nano = value.getNano();
        if (nano != 0) {
            // in groups of three digits, as many as the value needs
            out.append('.');
            if (nano % 1_000_000 == 0) {
                fraction(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                fraction(out, nano / 1_000, 6);
            } else {
                fraction(out, nano, 9);
            }
        }
        out.append('Z');
    }

    private static void date(StringBuilder out, int year, int month, int day) {
        out.append(year).append('-');
        two(out, month);
        out.append('-');
        two(out, day);
    }

    private static void time(StringBuilder out, int hour, int minute, int second) {
        out.append('T');
        two(out, hour);
        out.append(':');
        two(out, minute);
        out.append(':');
        two(out, second);
    }

    private static void fraction(StringBuilder out, int value, int digits) {
        for (int divisor = pow10(digits - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
