package io.accord.portal.statement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.accord.portal.layout.Dates;
import io.accord.portal.layout.Ids;

/**
 * The statement list's filters as the user gave them (query parameters, kept in the paging links and carried by the
 * list's buttons) and as settlement's list takes them ({@code GET /api/settlement/statements}: partnerId, periodId,
 * state, direction, documentNumber, issuedFrom, issuedTo exclusive). The days are read by {@link Dates#typedDay} (ISO
 * or German {@code 07.12.2026}); "issued to" is the last day included. An unknown state or direction is ignored, as
 * the state filter always did (they come from the page's own choices); a malformed partner or period id, a day that
 * cannot be read, a "to" before "from" or a document number over 64 characters is {@link #problem() a problem} the
 * page shows at its filter (400, nothing asked).
 */
record StatementFilter(String partnerId, String state, String direction, String documentNumber, String issuedFrom,
                       String issuedTo, String periodId) {

    static final List<String> STATES = List.of("DRAFT", "APPROVED", "ISSUED", "PAID");
    static final List<String> DIRECTIONS = List.of("PAYABLE", "RECEIVABLE");
    /** settlement's longest document number filter. */
    private static final int NUMBER_MAX = 64;

    static StatementFilter of(String partnerId, String state, String direction, String documentNumber,
                              String issuedFrom, String issuedTo, String periodId) {
        return new StatementFilter(text(partnerId).toLowerCase(Locale.ROOT),
                STATES.contains(text(state)) ? text(state) : "",
                DIRECTIONS.contains(text(direction)) ? text(direction) : "", text(documentNumber), text(issuedFrom),
                text(issuedTo), text(periodId).toLowerCase(Locale.ROOT));
    }

    /** The filter the list's buttons carried back (their hidden fields, {@link #parameters()}). */
    static StatementFilter of(Map<String, String> back) {
        return of(back.get("partnerId"), back.get("state"), back.get("direction"), back.get("documentNumber"),
                back.get("issuedFrom"), back.get("issuedTo"), back.get("periodId"));
    }

    /** The message key of what is wrong with the filter, {@code null} when nothing is. */
    String problem() {
        if (!partnerId.isEmpty() && !Ids.isUuid(partnerId)) {
            return "statements.filter.partnerInvalid";
        }
        if (!periodId.isEmpty() && !Ids.isUuid(periodId)) {
            return "statements.filter.periodInvalid";
        }
        if (documentNumber.length() > NUMBER_MAX) {
            return "statements.filter.numberTooLong";
        }
        LocalDate from;
        LocalDate to;
        try {
            from = Dates.typedDay(issuedFrom).orElse(null);
            to = Dates.typedDay(issuedTo).orElse(null);
        } catch (Dates.Unreadable unreadable) {
            return "statements.filter.dayInvalid";
        }
        return from != null && to != null && to.isBefore(from) ? "statements.filter.daysBackwards" : null;
    }

    /** Settlement's query for this filter and a page ({@code uri} variables in {@code variables}); no problem left. */
    String query(int offset, int limit, List<Object> variables) {
        StringBuilder uri = new StringBuilder("/api/settlement/statements?");
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("partnerId", partnerId);
        asked.put("periodId", periodId);
        asked.put("state", state);
        asked.put("direction", direction);
        asked.put("documentNumber", documentNumber);
        asked.put("issuedFrom", Dates.typedDay(issuedFrom).map(LocalDate::toString).orElse(""));
        // settlement's issuedTo is exclusive: the day after the last one the user wants
        asked.put("issuedTo", Dates.typedDay(issuedTo).map(day -> day.plusDays(1).toString()).orElse(""));
        asked.forEach((name, value) -> {
            if (!value.isEmpty()) {
                uri.append(name).append("={").append(name).append("}&");
                variables.add(value);
            }
        });
        variables.add(offset);
        variables.add(limit);
        return uri.append("offset={offset}&limit={limit}").toString();
    }

    /** The filters given, name → value, for the hidden fields of the list's buttons and their way back. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("partnerId", partnerId);
        parameters.put("state", state);
        parameters.put("direction", direction);
        parameters.put("documentNumber", documentNumber);
        parameters.put("issuedFrom", issuedFrom);
        parameters.put("issuedTo", issuedTo);
        parameters.put("periodId", periodId);
        parameters.values().removeIf(String::isEmpty);
        return parameters;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
