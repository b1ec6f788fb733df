package io.accord.portal.layout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * Settlement periods as a picker or a list names them, each told apart from the others: its dates and its state in
 * the user's language ({@code 2026-11-01 – 2026-12-01 (Closed)}, German {@code 01.11.2026 – 01.12.2026 (Abgeschlossen)},
 * {@link Dates}); its times (UTC) when it begins and ends on the same day (periods closed early: several in one day,
 * {@code 06.12.2026, 09:00 – 06.12.2026, 14:30 UTC (Abgeschlossen)});
 * the start of its id when that still leaves two alike. Until 2026-12-07 the invoice list's filter showed several
 * "2026-12-06 – 2026-12-06 (CLOSED)" alike, in English.
 */
public final class PeriodLabels {

    private PeriodLabels() {
    }

    /** Period id → label, in the order the service listed them; {@code state} labels a state code. */
    public static Map<String, String> of(Iterable<JsonNode> periods, UnaryOperator<String> state) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode period : periods) {
            String label = label(period, state);
            seen.merge(label, 1, Integer::sum);
            labels.put(period.path("id").asString(""), label);
        }
        labels.replaceAll((id, label) -> seen.get(label) > 1 ? label + " · " + Display.shortId(id) : label);
        return labels;
    }

    private static String label(JsonNode period, UnaryOperator<String> state) {
        String start = period.path("startAt").asString("");
        String end = period.path("endAt").asString("");
        boolean sameDay = start.length() >= 10 && end.length() >= 10
                && start.substring(0, 10).equals(end.substring(0, 10));
        String code = period.path("state").asString("");
        return shown(start, sameDay) + " – " + shown(end, sameDay) + (sameDay ? " UTC" : "")
                + (code.isEmpty() ? "" : " (" + state.apply(code) + ")");
    }

    private static String shown(String instant, boolean withTime) {
        return withTime ? Display.instant(instant) : Display.date(instant);
    }
}
