package io.accord.portal.invoice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.accord.portal.layout.Display;
import tools.jackson.databind.JsonNode;

/**
 * A settlement period as the invoice form's picker names it: its dates and state; its times (UTC) when a period
 * begins and ends on the same day (periods closed early: several in one day), and the end of its id when that still
 * leaves two alike.
 */
record PeriodOption(String id, String label) {

    static List<PeriodOption> of(JsonNode periods) {
        List<PeriodOption> options = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode period : periods) {
            String label = label(period);
            seen.merge(label, 1, Integer::sum);
            options.add(new PeriodOption(period.path("id").asString(""), label));
        }
        return options.stream().map(option -> seen.get(option.label()) > 1
                ? new PeriodOption(option.id(), option.label() + " · " + Display.shortId(option.id())) : option)
                .toList();
    }

    private static String label(JsonNode period) {
        String start = period.path("startAt").asString("");
        String end = period.path("endAt").asString("");
        boolean sameDay = start.length() >= 10 && end.length() >= 10
                && start.substring(0, 10).equals(end.substring(0, 10));
        return shown(start, sameDay) + " – " + shown(end, sameDay) + (sameDay ? " UTC" : "")
                + " (" + period.path("state").asString("") + ")";
    }

    private static String shown(String instant, boolean withTime) {
        int length = withTime ? 16 : 10;
        return instant.length() >= length ? instant.substring(0, length).replace('T', ' ') : instant;
    }
}
