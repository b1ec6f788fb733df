package io.accord.dispute.dispute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What a newer settlement tells about each line of a {@code ReconciliationDiscrepancyFound} beyond the published
 * record, read from the same event data: the line's {@code period} ({@code CURRENT} or {@code PRIOR}), its
 * {@code side} ({@code REVENUE_SHARE} or {@code WHOLESALE}) and all the statement lines it compares
 * ({@code statementLineIds}; the record's {@code statementLineId} names one only when there is exactly one). An
 * event without them (as published so far) reads as lines telling none of them, so both shapes are taken.
 *
 * @param lines in the order of the event's lines; {@code null} or shorter in an event without them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DiscrepancyDetails(List<Line> lines) {

    static final DiscrepancyDetails NONE = new DiscrepancyDetails(List.of());

    /** One line's details; each {@code null} (or empty) when not told. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String period, String side, List<String> statementLineIds) {

        static final Line NONE = new Line(null, null, List.of());

        List<String> statementLines() {
            return statementLineIds == null ? List.of()
                    : statementLineIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        }
    }

    /** The details of the event's line {@code index}. */
    Line line(int index) {
        if (lines == null || index >= lines.size() || lines.get(index) == null) {
            return Line.NONE;
        }
        Line line = lines.get(index);
        return new Line(blankAsNull(line.period()), blankAsNull(line.side()), line.statementLines());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
