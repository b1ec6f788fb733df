package io.accord.dispute.dispute;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the partner-visible TMF621 view of a dispute: never an internal note. */
final class DisputeViews {

    private DisputeViews() {
    }

    static DisputeResources.TicketView view(Dispute dispute, List<DisputeThread.Comment> comments,
                                            List<Evidence.Attachment> attachments,
                                            DisputeResources.AdjustmentSettlementView settlement,
                                            Duration autoAcceptAfter) {
        String href = DisputeResources.PATH + "/" + dispute.id;
        Dispute.StatusChange last = dispute.history.isEmpty() ? null : dispute.history.getLast();
        return new DisputeResources.TicketView(dispute.id.toString(), href, DisputeResources.TICKET_TYPE,
                dispute.description, dispute.state.tmf(), last == null ? null : last.reason(),
                last == null ? dispute.openedAt : last.at(), dispute.openedAt, dispute.updatedAt,
                dispute.resolutionDue, dispute.resolvedAt, dispute.category.name(),
                money(dispute.disputedAmount, dispute.currency), dispute.source.name(),
                relatedEntities(dispute, settlement),
                List.of(new DisputeResources.PartyView(dispute.partnerId.toString(), "Partner", "Organization")),
                comments.stream().map(comment -> new DisputeResources.NoteView(comment.id().toString(),
                        comment.author(), comment.createdAt(), comment.text(), "Note")).toList(),
                attachments.stream().map(attachment -> attachment(dispute, attachment)).toList(),
                dispute.history.stream().map(change -> new DisputeResources.StatusChangeView(change.state(),
                        change.at(), change.reason(), change.by(), "StatusChange")).toList(),
                proposal(dispute, autoAcceptAfter),
                dispute.outcome, dispute.adjustmentId, settlement, dispute.escalatedTo, sla(dispute), dispute.assignee,
                "TroubleTicket");
    }

    /**
     * The disputed items; a statement line of a dispute resolved with an adjustment split by line with its share of
     * it ({@link Dispute#lineShares}, as {@code DisputeResolved} carried it) and, once settlement placed the share,
     * what the document line carrying it moves.
     */
    private static List<DisputeResources.RelatedEntity> relatedEntities(
            Dispute dispute, DisputeResources.AdjustmentSettlementView settlement) {
        Map<String, BigDecimal> shares = dispute.adjustmentId == null || dispute.proposal == null ? Map.of()
                : dispute.lineShares(dispute.proposal.amount());
        return dispute.items.stream().map(item -> {
            boolean line = DisputeOpening.STATEMENT_LINE.equals(item.role());
            BigDecimal share = line ? shares.get(item.refId()) : null;
            return new DisputeResources.RelatedEntity(item.refId(), item.role(), item.role(),
                    item.disputedAmount() == null ? null : money(item.disputedAmount(), dispute.currency),
                    share == null ? null : money(share, dispute.currency),
                    share == null || settlement == null ? null : settlement.settledFor(item.refId()).orElse(null));
        }).toList();
    }

    /**
     * The latest proposal with its state ({@code null}: none yet); a rejected one until the next replaces it. While it
     * awaits the partner and silence would accept it, {@code respondBy}: when the timer does.
     */
    private static DisputeResources.ProposalView proposal(Dispute dispute, Duration autoAcceptAfter) {
        Dispute.Proposal proposal = dispute.proposal;
        return proposal == null ? null : new DisputeResources.ProposalView(proposal.direction(),
                money(proposal.amount(), dispute.currency), proposal.reason(), proposal.proposedBy(),
                proposal.proposedAt(), proposal.state(), proposal.rejectedBy(), proposal.rejectedAt(),
                proposal.rejectionReason(),
                dispute.autoAcceptable() ? proposal.proposedAt().plus(autoAcceptAfter) : null);
    }

    static DisputeResources.SlaView sla(Dispute dispute) {
        return new DisputeResources.SlaView(dispute.firstResponseDue, dispute.resolutionDue,
                dispute.firstRespondedAt, dispute.firstResponseBreached, dispute.resolutionBreached,
                dispute.resolutionPausedAt);
    }

    static DisputeResources.Money money(BigDecimal amount, String currency) {
        return new DisputeResources.Money(currency, plain(amount, currency));
    }

    /** The exact decimal string (6 decimals, as {@link Money} keeps it). */
    static String plain(BigDecimal amount, String currency) {
        return Money.of(amount, currency).amount().toPlainString();
    }

    /** An attachment's own URL: there is no attachment resource, so its (latest) content. */
    static String attachmentHref(java.util.UUID dispute, java.util.UUID attachment) {
        return DisputeResources.API + "/" + dispute + "/attachments/" + attachment + "/content";
    }

    private static DisputeResources.AttachmentView attachment(Dispute dispute, Evidence.Attachment attachment) {
        return new DisputeResources.AttachmentView(attachment.id().toString(),
                attachmentHref(dispute.id, attachment.id()), attachment.name(),
                attachment.mimeType(), new DisputeResources.Quantity(attachment.size(), "bytes"),
                attachment.version(), attachment.sha256(), attachment.uploadedBy(), attachment.uploaderSide(),
                attachment.uploadedAt(),
                "Attachment");
    }
}
