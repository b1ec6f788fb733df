package io.accord.platform.hub;

import io.accord.platform.problem.InvalidInputException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscription's TMF {@code query}: which events it wants. Supported: {@code eventType=A,B} (also repeated as
 * {@code eventType=A&eventType=B}); anything else is refused with 400 naming {@code query} rather than silently
 * ignored, so a subscriber never gets events it thought it had filtered out. So is an event type the hub does not
 * publish (when its API declares its types), so that nobody waits for events that never come.
 */
final class EventQuery {

    static final String FIELD = "query";
    private static final String EVENT_TYPE = "eventType";
    private static final String NAME = "[A-Za-z][A-Za-z0-9]{0,199}";

    private EventQuery() {
    }

    /** Whether {@code type} has the shape of an event type name (letters and digits, a letter first). */
    static boolean isTypeName(String type) {
        return type != null && type.matches(NAME);
    }

    /**
     * The event types asked for, each one the API publishes; {@code null} when the query does not restrict them.
     *
     * @param published the event types the API publishes ({@link HubProperties.Api#eventTypes()}); empty: not
     *                  declared, any well-formed type is accepted
     */
    static List<String> eventTypes(String query, List<String> published) {
        List<String> types = eventTypes(query);
        if (types == null || published.isEmpty()) {
            return types;
        }
        List<String> unknown = types.stream().filter(type -> !published.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(FIELD, (unknown.size() == 1 ? "'" + unknown.getFirst()
                    + "' is not an event type" : "'" + String.join("', '", unknown) + "' are not event types")
                    + " of this API; it publishes " + String.join(", ", published) + ".");
        }
        return types;
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
