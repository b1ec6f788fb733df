package io.accord.dispute.dispute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * TMF621 TroubleTicket resources for billing disputes, and the requests of {@code /api/disputes}. Accord's
 * extensions on the ticket: {@code category}, {@code disputedAmount}, {@code source}, {@code proposal},
 * {@code outcome}, {@code adjustmentId}, {@code adjustmentSettlement}, {@code escalatedTo}, {@code sla}, {@code assignee} (staff only). Nothing here ever carries an internal
 * note: those have their own staff-only view ({@link InternalNoteView}).
 */
final class DisputeResources {

    static final String BASE = "/tmf-api/troubleTicket/v4";
    static final String PATH = BASE + "/troubleTicket";
    static final String API = "/api/disputes";
    static final String TICKET_TYPE = "BillingDispute";
    static final String DECIMAL = "^\\d{1,18}(\\.\\d{1,6})?$";
    /** The reason of an escalation asked for without one: "requested by " and the user. */
    static final String REQUESTED_BY = "requested by ";
    static final String ACTOR = "the user; in a partner's view a staff user is \"" + ActorNames.STAFF
            + "\" (the partner's own users by name, system as it is)";

    private DisputeResources() {
    }

    /** TMF621 {@code TroubleTicket_Create}; attributes Accord does not keep are ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "id", "href", "severity", "priority", "name",
            "externalId", "channel", "requestedResolutionDate", "expectedResolutionDate", "status",
            "statusChangeReason", "relatedParty", "attachment", "note", "troubleTicketRelationship",
            "statusChangeHistory", "creationDate", "lastUpdate", "resolutionDate", "statusChangeDate"})
    record CreateTicket(@NotBlank @Size(max = 4000) String description,
                        @NotBlank String ticketType,
                        @NotBlank String category,
                        @NotNull @Valid Money disputedAmount,
                        @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull RelatedEntity> relatedEntity) {
    }

    /** TMF Money; the value is a decimal string so it stays exact. */
    record Money(@NotBlank @Pattern(regexp = "^[A-Z]{3}$") String unit,
                 @NotBlank @Pattern(regexp = DECIMAL, message = "must be a decimal with at most 6 decimals")
                 String value) {
    }

    /**
     * TMF {@code RelatedEntityRefOrValue}: {@code role} Statement, StatementLine, InvoiceLine, ReconciliationItem
     * or UsageRecord (and, on a dispute opened from a reconciliation, ReconciliationDiscrepancy). Accord's extension
     * {@code disputedAmount}, on a {@code StatementLine} only: what is disputed on that line; given on one line, it is
     * given on every line, and the ticket's {@code disputedAmount} is their exact sum. Shown only, never read from a
     * request: {@code adjustmentShare}, once the dispute is resolved with an adjustment split by line, the line's share
     * of it (the shares sum to the adjustment, in the dispute's currency); {@code adjustmentSettled}, once settlement
     * placed that share, what the document line carrying it moves (in the document's currency, signed: positive in
     * the partner's favour).
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href", "name"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RelatedEntity(@NotBlank @Size(max = 200) String id, @NotBlank String role,
                         @JsonProperty("@referredType") String referredType,
                         @Schema(description = "Accord: on a StatementLine, the amount disputed on that line (then "
                                 + "on every line; the ticket's disputedAmount is their sum)")
                         @Valid Money disputedAmount,
                         @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Accord: on a StatementLine "
                                 + "of a dispute resolved with an adjustment split by line, the line's share of it")
                         Money adjustmentShare,
                         @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Accord: on a StatementLine "
                                 + "whose share settlement placed, what the document line carrying it moves (the "
                                 + "document's currency, positive in the partner's favour)")
                         Money adjustmentSettled) {

        RelatedEntity(String id, String role, String referredType) {
            this(id, role, referredType, null);
        }

        RelatedEntity(String id, String role, String referredType, Money disputedAmount) {
            this(id, role, referredType, disputedAmount, null, null);
        }
    }

    /** What a merge patch may change: the description, while the dispute is open or in review. */
    record Changeable(@NotBlank @Size(max = 4000) String description) {
    }

    record CommentRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record OptionalReason(@Size(max = 2000) String reason) {
    }

    /** A staff user's name as Keycloak keeps it (lower case), or {@value #ME} for the caller. */
    static final String USER_NAME = "^[a-z0-9][a-z0-9._@+-]{0,199}$";
    /** Who the caller is, in an assignment and in the {@code assignee} filter. */
    static final String ME = "me";
    /** No assignee, in the {@code assignee} filter. */
    static final String NONE = "none";

    /** To whom staff give a dispute: a staff user's name, or {@value #ME}. */
    record AssigneeRequest(
            @Schema(description = "a staff user's name (lower case, as Keycloak keeps it), or \"me\" for yourself",
                    example = "me")
            @NotBlank @Pattern(regexp = USER_NAME, message = "must be a user name (lower case) or me") String assignee) {
    }

    /** Many disputes to one staff user, all or none. */
    record BulkAssignmentRequest(
            @Schema(description = "the disputes (ids), each open, in review, pending, proposed, escalated, accepted or "
                    + "resolved (not closed or withdrawn)")
            @NotNull @Size(min = 1, max = 500) List<@NotBlank @Size(max = 64) String> disputeIds,
            @Schema(description = "a staff user's name (lower case), or \"me\"", example = "me")
            @NotBlank @Pattern(regexp = USER_NAME, message = "must be a user name (lower case) or me") String assignee) {
    }

    /** The disputes assigned, and to whom. */
    record BulkAssignmentView(String assignee, List<String> disputeIds) {
    }

    /** Staff's question to the partner: the partner sees it as the step's reason. */
    record InformationRequest(@NotBlank @Size(max = 2000) String question) {
    }

    /** Finance's adjustment: {@code amount} 0 turns the dispute down without moving money. */
    record ProposalRequest(@NotBlank @Pattern(regexp = "CREDIT_PARTNER|DEBIT_PARTNER") String direction,
                           @NotBlank @Pattern(regexp = DECIMAL, message = "must be a decimal with at most 6 decimals")
                           String amount,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NoteView(String id, @Schema(description = ACTOR) String author, Instant date, String text,
                    @JsonProperty("@type") String type) {

        NoteView forPartner(UnaryOperator<String> names) {
            return new NoteView(id, names.apply(author), date, text, type);
        }
    }

    record Quantity(long amount, String units) {
    }

    /** An attachment at its latest version; {@code uploaderSide} is the side its uploader's token was of. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttachmentView(String id, String href, String name, String mimeType, Quantity size, int version,
                          String sha256,
                          @Schema(description = "the user who uploaded this version; in a partner's view \""
                                  + ActorNames.STAFF + "\" for a staff upload (uploaderSide STAFF)") String uploadedBy,
                          @Schema(description = "who uploaded this version, by the uploader's token: PARTNER (a user "
                                  + "of the dispute's partner), STAFF (an Accord user) or SYSTEM",
                                  allowableValues = {Dispute.PARTNER, Dispute.STAFF, Dispute.SYSTEM})
                          String uploaderSide,
                          Instant uploadedAt, @JsonProperty("@type") String type) {

        /** As a partner may see it: a staff upload under {@value ActorNames#STAFF}, whatever its user is called. */
        AttachmentView forPartner() {
            return new AttachmentView(id, href, name, mimeType, size, version, sha256,
                    ActorNames.bySide(uploadedBy, uploaderSide), uploaderSide, uploadedAt, type);
        }
    }

    /**
     * One version of an attachment ({@code GET /api/disputes/{id}/attachments/{attachmentId}/versions}); {@code href}
     * downloads it. {@code uploadedBy} and {@code uploaderSide} as in {@link AttachmentView}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttachmentVersionView(int version, String href, String fileName, String mimeType, Quantity size,
                                 String sha256, String uploadedBy,
                                 @Schema(allowableValues = {Dispute.PARTNER, Dispute.STAFF, Dispute.SYSTEM})
                                 String uploaderSide, Instant uploadedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusChangeView(String status, Instant changeDate, String changeReason,
                            @Schema(description = ACTOR) String changedBy, @JsonProperty("@type") String type) {

        /** A partner's view; a staff escalation's default reason names its user too ("requested by fin"). */
        StatusChangeView forPartner(UnaryOperator<String> names) {
            String by = names.apply(changedBy);
            String reason = changedBy != null && !changedBy.equals(by)
                    && (REQUESTED_BY + changedBy).equals(changeReason) ? REQUESTED_BY + by : changeReason;
            return new StatusChangeView(status, changeDate, reason, by, type);
        }
    }

    record PartyView(String id, String role, @JsonProperty("@referredType") String referredType) {
    }

    /**
     * The latest proposal, kept until the next one replaces it: pending, accepted, rejected (with who rejected it,
     * when and why) or lapsed by the partner's withdrawal. A partner is not shown who proposed it (our staff user).
     */
    @Schema(description = "The dispute's latest proposed resolution; it stays on the ticket "
            + "with its state until finance proposes again")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProposalView(
            @Schema(allowableValues = {"CREDIT_PARTNER", "DEBIT_PARTNER"}) String direction,
            Money amount,
            @Schema(description = "finance's reason, which the partner sees") String reason,
            @Schema(description = "the staff user who proposed it; absent for a partner") String proposedBy,
            Instant proposedAt,
            @Schema(description = "proposed: awaiting the partner's answer; accepted: by the partner or its silence "
                    + "(the dispute is resolved); rejected: by the partner (rejectedBy, rejectedAt, "
                    + "rejectionReason), the dispute back in review; withdrawn: the partner withdrew the dispute "
                    + "while the proposal awaited its answer",
                    allowableValues = {"proposed", "accepted", "rejected", "withdrawn"}) String state,
            @Schema(description = "the partner's user who rejected it (state rejected)") String rejectedBy,
            @Schema(description = "when it was rejected (state rejected)") Instant rejectedAt,
            @Schema(description = "the partner's reason for rejecting it (state rejected)") String rejectionReason,
            @Schema(description = "while it is proposed: when the partner's silence accepts it (proposedAt plus "
                    + "accord.dispute.auto-accept-after; the timers accept it at their first round from then on); "
                    + "absent for a charge (DEBIT_PARTNER), which only the partner's explicit acceptance accepts")
            Instant respondBy) {

        /** As a partner may see it: without the name of the staff user who proposed it. */
        ProposalView forPartner() {
            return new ProposalView(direction, amount, reason, null, proposedAt, state, rejectedBy, rejectedAt,
                    rejectionReason, respondBy);
        }
    }

    record SlaView(Instant firstResponseDue,
                   @Schema(description = "when the resolution is due; while the dispute is pendingInformation it is "
                           + "paused (resolutionPausedAt) and the partner's answer moves it on by the business days "
                           + "paused") Instant resolutionDue,
                   Instant firstRespondedAt,
                   boolean firstResponseBreached, boolean resolutionBreached,
                   @Schema(description = "since when the resolution deadline is paused: the dispute awaits the "
                           + "partner's information; null while it runs") Instant resolutionPausedAt) {
    }

    /**
     * Where settlement placed the dispute's adjustment. {@code status} {@code SETTLED}: on an issued document;
     * {@code settledOn} {@code STATEMENT_LINE}, {@code CREDIT_NOTE} or {@code DEBIT_NOTE}; {@code documentId} the
     * statement or note, {@code lineId} its line ({@code <documentId>-<n>}), {@code documentNumber} its number;
     * {@code amount} as the document shows it (signed, positive in the partner's favour); {@code lines} every line
     * that carries it (one, or one per disputed statement line when it is split), absent when settlement named one
     * line only (before it named them all). {@code PLACED_ON_DRAFT}: on a
     * document not issued yet (its {@code StatementIssued} has not come): no {@code documentNumber}, and for a partner
     * no {@code documentId} or {@code lineId} either (settlement shows a partner no draft). {@code PENDING}: the draft
     * statement that carried it was discarded ({@code releasedAt}) and no later draft carries it yet; nothing but
     * {@code adjustmentId} and {@code releasedAt} then.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdjustmentSettlementView(String adjustmentId, String status, String settledOn, String documentId,
                                    String lineId, String documentNumber, Money amount, Instant settledAt,
                                    Instant releasedAt, List<SettledLine> lines) {

        static final String SETTLED = "SETTLED";
        static final String PLACED_ON_DRAFT = "PLACED_ON_DRAFT";

        /** On the document numbered {@code documentNumber}; {@code null}: a document not issued yet. */
        static AdjustmentSettlementView placed(String adjustmentId, String settledOn, String documentId,
                                               String lineId, String documentNumber, Money amount,
                                               Instant settledAt, List<SettledLine> lines) {
            return new AdjustmentSettlementView(adjustmentId, documentNumber == null ? PLACED_ON_DRAFT : SETTLED,
                    settledOn, documentId, lineId, documentNumber, amount, settledAt, null, lines);
        }

        static AdjustmentSettlementView pending(String adjustmentId, Instant releasedAt) {
            return new AdjustmentSettlementView(adjustmentId, "PENDING", null, null, null, null, null, null,
                    releasedAt, null);
        }

        /** As a partner may see it: no id of a document that is not issued yet (nor of its lines). */
        AdjustmentSettlementView forPartner() {
            return PLACED_ON_DRAFT.equals(status) ? new AdjustmentSettlementView(adjustmentId, status, settledOn,
                    null, null, null, amount, settledAt, null, lines == null ? null : lines.stream()
                    .map(line -> new SettledLine(null, line.statementLineId(), line.amount())).toList()) : this;
        }

        /** What the line settled on the disputed statement line {@code statementLineId}, if the lines say. */
        java.util.Optional<Money> settledFor(String statementLineId) {
            if (lines == null || statementLineId == null) {
                return java.util.Optional.empty();
            }
            return lines.stream().filter(line -> statementLineId.equals(line.statementLineId())).findFirst()
                    .map(SettledLine::amount);
        }
    }

    /**
     * One document line carrying the adjustment: {@code lineId} {@code <documentId>-<n>} (absent for a partner while
     * the document is a draft), {@code statementLineId} the disputed statement line whose share it carries (absent
     * when the adjustment is not split), {@code amount} as the document shows it (signed, in its currency).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SettledLine(String lineId, String statementLineId, Money amount) {
    }

    /**
     * TMF621 {@code TroubleTicket} as Accord shows it, to staff and to the partner alike but for where a draft
     * carries the adjustment, who proposed the resolution and the names of our staff users ({@link #forPartner}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketView(String id, String href, String ticketType, String description, String status,
                      String statusChangeReason, Instant statusChangeDate, Instant creationDate, Instant lastUpdate,
                      Instant expectedResolutionDate, Instant resolutionDate, String category,
                      Money disputedAmount, String source, List<RelatedEntity> relatedEntity,
                      List<PartyView> relatedParty, List<NoteView> note, List<AttachmentView> attachment,
                      List<StatusChangeView> statusChangeHistory, ProposalView proposal, String outcome,
                      String adjustmentId, AdjustmentSettlementView adjustmentSettlement, String escalatedTo,
                      SlaView sla,
                      @Schema(description = "the staff user working the dispute (staff only: a partner's view never "
                              + "has it); absent when nobody is assigned") String assignee,
                      @JsonProperty("@type") String type) {

        /**
         * The ticket as its partner may see it: the adjustment's placement without the ids of a draft, the proposal
         * without the staff user who made it, no assignee, every other actor ({@code changedBy}, a note's {@code author}, and a
         * staff escalation's default reason "requested by …") as {@code names} shows it to the partner
         * ({@link ActorNames}: a staff user as {@value ActorNames#STAFF}), and an attachment's {@code uploadedBy} by
         * the side it was uploaded from.
         */
        TicketView forPartner(UnaryOperator<String> names) {
            List<StatusChangeView> history = statusChangeHistory == null ? null : statusChangeHistory.stream()
                    .map(change -> change.forPartner(names)).toList();
            String reason = statusChangeReason;
            if (history != null && !history.isEmpty()
                    && Objects.equals(statusChangeReason, statusChangeHistory.getLast().changeReason())) {
                reason = history.getLast().changeReason();
            }
            return new TicketView(id, href, ticketType, description, status,
                    reason, statusChangeDate, creationDate, lastUpdate, expectedResolutionDate,
                    resolutionDate, category, disputedAmount, source, relatedEntity, relatedParty,
                    note == null ? null : note.stream().map(each -> each.forPartner(names)).toList(),
                    attachment == null ? null : attachment.stream().map(AttachmentView::forPartner).toList(),
                    history, proposal == null ? null : proposal.forPartner(), outcome, adjustmentId,
                    adjustmentSettlement == null ? null : adjustmentSettlement.forPartner(), escalatedTo, sla, null,
                    type);
        }
    }

    /** A staff-internal note: only {@code GET /api/disputes/{id}/internal-notes} (staff) shows it. */
    record InternalNoteView(String id, String author, Instant date, String text) {
    }
}
