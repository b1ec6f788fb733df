package io.accord.portal.settlementrun;

import io.accord.portal.layout.Display;
import tools.jackson.databind.JsonNode;

/** Runs, periods, run items and FX rates as the settlement pages show them. */
final class Views {

    private Views() {
    }

    /** A run and its progress: {@code done} + {@code failed} of {@code total} periods are finished. */
    record Run(String id, String state, String requestedBy, int total, int done, int failed, String startedAt,
               String finishedAt) {

        /** When it started as pages show it ({@code 2026-12-01 10:00 UTC}), for its page's title and heading. */
        public String startedShown() {
            return Display.instantUtc(startedAt);
        }

        public String shortId() {
            return Display.shortId(id);
        }

        public boolean running() {
            return "RUNNING".equals(state);
        }

        /** Percent of the periods finished, for the progress bar. */
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * (done + failed) / total));
        }

        static Run of(JsonNode run) {
            return new Run(run.path("id").asString(), run.path("state").asString(""),
                    run.path("requestedBy").asString(""), run.path("total").asInt(0), run.path("done").asInt(0),
                    run.path("failed").asInt(0), Display.instant(run.path("startedAt").asString("")),
                    Display.instant(run.path("finishedAt").asString("")));
        }
    }

    /** One period a run settles: its partner, how it went and the statement it drafted. */
    record Item(String periodId, String partnerId, String status, String periodStart, String periodEnd,
                String statementId, String statementState, String documentNumber, String totalAmount,
                String currency, String error) {

        public String partnerShort() {
            return Display.shortId(partnerId);
        }

        static Item of(JsonNode item) {
            JsonNode statement = item.path("statement");
            return new Item(item.path("periodId").asString(""), item.path("partnerId").asString(""),
                    item.path("status").asString(""), Display.instant(item.path("periodStart").asString("")),
                    Display.instant(item.path("periodEnd").asString("")), statement.path("id").asString(""),
                    statement.path("state").asString(""), statement.path("documentNumber").asString(""),
                    Display.amount(statement.path("totalAmount")), statement.path("currency").asString(""),
                    item.path("error").asString(""));
        }
    }

    /** A settlement period of a partner. */
    record Period(String id, String partnerId, String cycle, String startAt, String endAt, String state,
                  String closedEarlyAt, String closedEarlyBy) {

        public String partnerShort() {
            return Display.shortId(partnerId);
        }

        static Period of(JsonNode period) {
            return new Period(period.path("id").asString(), period.path("partnerId").asString(""),
                    period.path("cycle").asString(""), Display.instant(period.path("startAt").asString("")),
                    Display.instant(period.path("endAt").asString("")), period.path("state").asString(""),
                    Display.instant(period.path("closedEarlyAt").asString("")),
                    period.path("closedEarlyBy").asString(""));
        }
    }

    /**
     * 1 {@code base} = {@code rate} {@code quote} from {@code validFrom}: one version of a pair's rate, {@code state}
     * PROPOSED (loaded or corrected, not in force until a second finance user confirms it), CONFIRMED (in force; one
     * loaded before four-eyes has no {@code confirmedBy}), SUPERSEDED (a confirmed correction replaced it) or REJECTED
     * (a proposal {@code rejectedBy} a second finance user, or withdrawn by its loader, with {@code rejectionReason}).
     * {@code corrects}/{@code correctionReason}: the version a correction replaces and why.
     */
    record FxRate(String id, String base, String quote, String rate, String validFrom, String loadedBy,
                  String loadedAt, String state, String confirmedBy, String confirmedAt, String corrects,
                  String correctionReason, String supersededBy, String supersededAt, String rejectedBy,
                  String rejectionReason) {

        public String shortId() {
            return Display.shortId(id);
        }

        public String correctsShort() {
            return corrects.isEmpty() ? "" : Display.shortId(corrects);
        }

        public boolean proposed() {
            return "PROPOSED".equals(state);
        }

        public boolean confirmed() {
            return "CONFIRMED".equals(state);
        }

        public boolean superseded() {
            return "SUPERSEDED".equals(state);
        }

        public boolean rejected() {
            return "REJECTED".equals(state);
        }

        /** Whether {@code username} loaded (or corrected) this version: settlement refuses its confirmation (409). */
        public boolean loadedBy(String username) {
            return !loadedBy.isEmpty() && loadedBy.equals(username);
        }

        static FxRate of(JsonNode rate) {
            return new FxRate(rate.path("id").asString(""), rate.path("baseCurrency").asString(""),
                    rate.path("quoteCurrency").asString(""), rate.path("rate").asString(""),
                    Display.instant(rate.path("validFrom").asString("")), rate.path("loadedBy").asString(""),
                    Display.instant(rate.path("loadedAt").asString("")),
                    // a service before four-eyes sends no state: its rates were in force as loaded
                    rate.path("state").asString("CONFIRMED"), rate.path("confirmedBy").asString(""),
                    Display.instant(rate.path("confirmedAt").asString("")), rate.path("corrects").asString(""),
                    rate.path("correctionReason").asString(""), rate.path("supersededBy").asString(""),
                    Display.instant(rate.path("supersededAt").asString("")), rate.path("rejectedBy").asString(""),
                    rate.path("rejectionReason").asString(""));
        }
    }
}
