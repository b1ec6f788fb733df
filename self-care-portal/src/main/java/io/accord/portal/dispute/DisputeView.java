package io.accord.portal.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A dispute (TMF621 trouble ticket) as the portal's pages show it, with its SLA clock: the next deadline still
 * running (first response, else resolution), how long is left or how long it is overdue.
 */
record DisputeView(String id, String status, String category, String description, String amount, String currency,
                   String statementId, String partnerId, String source, String creationDate, String outcome,
                   Proposal proposal, Sla sla, List<Note> thread, List<Attachment> evidence,
                   List<Change> history, String assignee, String question) {

    /**
     * The service's latest proposal with its {@code state} (proposed, accepted, rejected, withdrawn); a rejected one
     * stays until finance proposes again, with who rejected it, when and why. {@code proposedBy} is empty for a
     * partner (the service does not name our staff to partners). {@code respondBy} (ISO instant, else empty) is when
     * the partner's silence accepts a pending proposal: only on one silence would accept (a credit, or 0).
     */
    record Proposal(String direction, String amount, String currency, String reason, String proposedBy,
                    String state, String rejectedBy, String rejectedAt, String rejectionReason, String respondBy) {

        public boolean rejected() {
            return "rejected".equals(state);
        }

        /** Whether it awaits the partner's answer and silence accepts it at {@link #respondBy()}. */
        public boolean acceptedBySilence() {
            return !respondBy.isBlank() && ("proposed".equals(state) || state.isBlank());
        }
    }

    /** The clock: {@code deadline} of {@code timer} (FIRST_RESPONSE or RESOLUTION), negative {@code left} when late. */
    record Sla(String timer, String deadline, long hoursLeft, boolean breached) {
        public boolean overdue() {
            return breached || hoursLeft < 0;
        }
    }

    record Note(String author, String date, String text) {
    }

    record Attachment(String id, String name, String mimeType, int version, String uploadedBy) {
    }

    record Change(String status, String date, String reason, String changedBy) {
    }

    boolean isOpenWork() {
        return List.of("open", "inReview", "escalated", "resolutionProposed", "rejected", "pendingInformation")
                .contains(status);
    }

    /** Staff asked the partner a question ({@link #question()}): it awaits the partner's answer. */
    public boolean pendingInformation() {
        return "pendingInformation".equals(status);
    }

    /** Staff may ask the partner a question from in review or escalated (dispute-service's information request). */
    public boolean informationRequestable() {
        return "inReview".equals(status) || "escalated".equals(status);
    }

    /** Staff may assign it until it is closed or withdrawn (dispute-service's assignment). */
    public boolean assignable() {
        return !status.isBlank() && !"closed".equals(status) && !"withdrawn".equals(status);
    }

    /** Whether staff assigned it to someone (the service shows the assignee to staff only). */
    public boolean assigned() {
        return !assignee.isBlank();
    }

    public boolean awaitsPartner() {
        return "resolutionProposed".equals(status);
    }

    public boolean reviewable() {
        return "open".equals(status) || "escalated".equals(status);
    }

    public boolean proposable() {
        return "inReview".equals(status) || "escalated".equals(status) || "rejected".equals(status);
    }

    public boolean closable() {
        return "resolved".equals(status) || "accepted".equals(status);
    }

    /**
     * The partner may withdraw it until it is resolved (dispute-service: open, in review, proposed, escalated, pending
     * information).
     */
    public boolean withdrawable() {
        return List.of("open", "inReview", "resolutionProposed", "escalated", "pendingInformation").contains(status);
    }

    /** Escalation is possible from open and in review only. */
    public boolean escalatable() {
        return "open".equals(status) || "inReview".equals(status);
    }

    public boolean finished() {
        return List.of("resolved", "closed", "withdrawn", "accepted").contains(status);
    }

    static DisputeView of(JsonNode ticket, Clock clock) {
        String statement = "";
        for (JsonNode entity : ticket.path("relatedEntity")) {
            if ("Statement".equals(entity.path("role").asString())) {
                statement = entity.path("id").asString("");
            }
        }
        String partner = "";
        for (JsonNode party : ticket.path("relatedParty")) {
            if ("Partner".equals(party.path("role").asString())) {
                partner = party.path("id").asString("");
            }
        }
        JsonNode proposal = ticket.path("proposal");
        List<Note> thread = new ArrayList<>();
        ticket.path("note").forEach(note -> thread.add(new Note(note.path("author").asString(""),
                minutes(note.path("date").asString("")), note.path("text").asString(""))));
        List<Attachment> evidence = new ArrayList<>();
        ticket.path("attachment").forEach(a -> evidence.add(new Attachment(a.path("id").asString(""),
                a.path("name").asString(""), a.path("mimeType").asString(""), a.path("version").asInt(1),
                a.path("uploadedBy").asString(""))));
        List<Change> history = new ArrayList<>();
        ticket.path("statusChangeHistory").forEach(c -> history.add(new Change(c.path("status").asString(""),
                minutes(c.path("changeDate").asString("")), c.path("changeReason").asString(""),
                c.path("changedBy").asString(""))));
        return new DisputeView(ticket.path("id").asString(), ticket.path("status").asString(""),
                ticket.path("category").asString(""), ticket.path("description").asString(""),
                ticket.path("disputedAmount").path("value").asString(""),
                ticket.path("disputedAmount").path("unit").asString(""), statement, partner,
                ticket.path("source").asString(""), minutes(ticket.path("creationDate").asString("")),
                ticket.path("outcome").asString(""),
                proposal.isMissingNode() || proposal.isNull() ? null : new Proposal(
                        proposal.path("direction").asString(""), proposal.path("amount").path("value").asString(""),
                        proposal.path("amount").path("unit").asString(""), proposal.path("reason").asString(""),
                        proposal.path("proposedBy").asString(""), proposal.path("state").asString(""),
                        proposal.path("rejectedBy").asString(""), minutes(proposal.path("rejectedAt").asString("")),
                        proposal.path("rejectionReason").asString(""), proposal.path("respondBy").asString("")),
                sla(ticket.path("sla"), clock), thread, evidence, history, ticket.path("assignee").asString(""),
                question(ticket));
    }

    /**
     * The question staff asked while it is pending information: the step's reason ({@code statusChangeReason}, else
     * the newest {@code pendingInformation} entry of the history); empty in any other state.
     */
    private static String question(JsonNode ticket) {
        if (!"pendingInformation".equals(ticket.path("status").asString(""))) {
            return "";
        }
        String reason = ticket.path("statusChangeReason").asString("");
        if (!reason.isBlank()) {
            return reason;
        }
        String asked = "";
        for (JsonNode change : ticket.path("statusChangeHistory")) {
            if ("pendingInformation".equals(change.path("status").asString(""))) {
                asked = change.path("changeReason").asString("");
            }
        }
        return asked;
    }

    private static Sla sla(JsonNode sla, Clock clock) {
        if (sla.isMissingNode() || sla.isNull()) {
            return null;
        }
        boolean responded = !sla.path("firstRespondedAt").asString("").isBlank();
        String timer = responded ? "RESOLUTION" : "FIRST_RESPONSE";
        String due = sla.path(responded ? "resolutionDue" : "firstResponseDue").asString("");
        if (due.isBlank()) {
            return null;
        }
        long hours = Duration.between(clock.instant(), Instant.parse(due)).toHours();
        boolean breached = sla.path(responded ? "resolutionBreached" : "firstResponseBreached").asBoolean(false);
        return new Sla(timer, minutes(due), hours, breached);
    }

    private static String minutes(String instant) {
        return io.accord.portal.layout.Display.instant(instant);
    }
}
