package io.accord.platform.hub;

import io.accord.platform.problem.InvalidInputException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscription's TMF {@code query}: which events it wants. Supported: {@code eventType=A,B} (also repeated as
 * {@code eventType=A&eventType=B}); anything else is refused with 400 naming {@code query} rather than silently
 * ignored, so a subscriber never gets events it thought it had filtered out.
 */
final class EventQuery {

    static final String FIELD = "query";
    private static final String EVENT_TYPE = "eventType";
    private static final String NAME = "[A-Za-z][A-Za-z0-9]{0,199}";

    private EventQuery() {
    }

    /** The event types asked for; {@code null} when the query does not restrict them (blank or absent). */
    static List<String> eventTypes(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String condition : query.trim().split("&")) {
            int equals = condition.indexOf('=');
            String attribute = equals < 0 ? condition.trim() : condition.substring(0, equals).trim();
            if (equals < 0 || !EVENT_TYPE.equals(attribute)) {
                throw new InvalidInputException(FIELD, "Only eventType=<type>[,<type>...] is supported in the "
                        + "query, not '" + condition.trim() + "'.");
            }
            for (String type : condition.substring(equals + 1).split(",")) {
                if (!type.trim().matches(NAME)) {
                    throw new InvalidInputException(FIELD, "'" + type.trim() + "' is not an event type name "
                            + "(e.g. eventType=ProductOfferingCreateEvent).");
                }
                types.add(type.trim());
            }
        }
        return List.copyOf(types);
    }
}
