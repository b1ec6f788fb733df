package io.accord.dispute.dispute;

import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.value.PartnerId;
import io.accord.dispute.calendar.SlaPolicy;
import io.accord.dispute.document.DisputableDocuments;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.upload.InspectedContent;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Thin application service: load (as the caller may see it), call the aggregate, save, notify. */
@Service
class DisputeService {

    private final DisputeRepository disputes;
    private final DisputeThread thread;
    private final Evidence evidence;
    private final DisputeNotifications notifications;
    private final DisputableDocuments documents;
    private final CreditLimits limits;
    private final DisputeProperties properties;
    private final SlaPolicy sla;
    private final TicketTags tags;
    private final Tenancy tenancy;
    private final Clock clock;

    DisputeService(DisputeRepository disputes, DisputeThread thread, Evidence evidence,
                   DisputeNotifications notifications, DisputableDocuments documents, CreditLimits limits,
                   DisputeProperties properties, SlaPolicy sla, TicketTags tags, Tenancy tenancy, Clock clock) {
        this.sla = sla;
        this.tags = tags;
        this.disputes = disputes;
        this.thread = thread;
        this.evidence = evidence;
        this.notifications = notifications;
        this.documents = documents;
        this.limits = limits;
        this.properties = properties;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    DisputeResources.TicketView get(String id) {
        return notifications.view(visible(id));
    }

    @Transactional(readOnly = true)
    Page<DisputeResources.TicketView> list(DisputeRepository.ListFilter filter, DisputeRepository.ListOrder order,
                                           Pageable page) {
        UUID scope = scope();
        return disputes.page(scope, filter, order, page, order.byDeadline() ? effectiveDeadlines(scope) : Map.of())
                .map(notifications::view);
    }

    /**
     * The resolution deadline each paused dispute orders by: as it would stand were the partner to answer now (moved
     * on by the whole business days paused so far, {@link SlaPolicy#resumed}). Its stored deadline is the one from
     * before the pause, so a dispute awaiting the partner for weeks came first as the most overdue.
     */
    private Map<UUID, Instant> effectiveDeadlines(UUID scope) {
        Instant now = clock.instant();
        Map<UUID, Instant> effective = new java.util.HashMap<>();
        for (DisputeRepository.Paused paused : disputes.paused(scope)) {
            effective.put(paused.id(), sla.resumed(paused.resolutionDue(), paused.pausedAt(), now));
        }
        return effective;
    }

    /**
     * The partner's own words of its claim: only the disputing partner changes them. Staff answer in the thread (a
     * finance PATCH rewrote the claim silently).
     */
    @Transactional
    DisputeResources.TicketView describe(String id, IfMatch ifMatch, String description) {
        Dispute read = visible(id);
        if (tenancy.isStaff()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN,
                    "description-is-the-partners", "The description is the partner's claim: only the disputing "
                            + "partner changes it. Comment instead (POST " + DisputeResources.API + "/" + read.id
                            + "/comments), or add an internal note"), null);
        }
        requirePartner(read, "describes");
        Dispute dispute = unchanged(read, ifMatch);
        DisputeResources.TicketView before = notifications.view(dispute);
        dispute.describe(description, clock.instant());
        disputes.update(dispute);
        notifications.changed(dispute, before, "described");
        return notifications.view(dispute);
    }

    /** Also takes back a question the partner has not answered: its resolution deadline runs again. */
    @Transactional
    DisputeResources.TicketView startReview(String id, IfMatch ifMatch) {
        Instant now = clock.instant();
        return step(id, ifMatch, "reviewed",
                dispute -> dispute.startReview(tenancy.actor(), now, resumedDue(dispute, now)));
    }

    /** Staff ask the partner a question: the dispute awaits its answer, the resolution deadline paused. */
    @Transactional
    DisputeResources.TicketView requestInformation(String id, IfMatch ifMatch, String question) {
        return step(id, ifMatch, "information-requested",
                dispute -> dispute.requestInformation(tenancy.actor(), question, clock.instant()));
    }

    /**
     * The partner's answer to staff's question: kept in the thread as the partner's comment, and the dispute back in
     * review with its resolution deadline moved on by the business days it waited (409 unless it awaits one).
     */
    @Transactional
    DisputeResources.TicketView provideInformation(String id, IfMatch ifMatch, String text) {
        Dispute dispute = visible(id);
        requirePartner(dispute, "answers");
        return answered(unchanged(dispute, ifMatch), text);
    }

    private DisputeResources.TicketView answered(Dispute dispute, String text) {
        Instant now = clock.instant();
        return moved(dispute, "information-provided", d -> {
            d.informationProvided(tenancy.actor(), now, resumedDue(d, now));
            thread.comment(d.id, tenancy.actor(), Dispute.PARTNER, text, now);
        });
    }

    /** The resolution deadline of a dispute whose paused clock runs again now (as it is when it runs). */
    private Instant resumedDue(Dispute dispute, Instant now) {
        return dispute.resolutionPausedAt == null ? dispute.resolutionDue
                : sla.resumed(dispute.resolutionDue, dispute.resolutionPausedAt, now);
    }

    /**
     * Finance's proposal: at most the disputed amount and what the disputed lines (or statement) have left
     * ({@link CreditLimits}, checked after the aggregate's own guard so an illegal step stays a 409), in whole minor
     * units of the currency: settlement rounds the adjustment to them, so a proposal of 1.225 EUR was paid 1.22 while
     * the dispute counted 1.225 adjusted.
     */
    @Transactional
    DisputeResources.TicketView propose(String id, IfMatch ifMatch, DisputeResources.ProposalRequest request) {
        BigDecimal amount = new BigDecimal(request.amount());
        return step(id, ifMatch, "resolution-proposed", dispute -> {
            requireMinorUnit(amount, dispute.currency, "amount");
            // a dispute opened to 6 decimals is paid in minor units: its amount rounded so is the whole of it
            if (amount.compareTo(dispute.payableDisputedAmount()) > 0) {
                throw DisputeOpening.unprocessable("adjustment-exceeds-disputed-amount", "amount", "The adjustment "
                        + amount.toPlainString() + " exceeds the disputed amount "
                        + dispute.disputedAmount.stripTrailingZeros().toPlainString() + " " + dispute.currency
                        + " (in minor units " + dispute.payableDisputedAmount().toPlainString() + ")");
            }
            dispute.propose(new Dispute.Proposal(request.direction(), amount, request.reason(), tenancy.actor(),
                    clock.instant()));
            limits.requireWithinProposal(dispute);
        });
    }

    /** An amount settlement can pay as it is: no finer than the currency's minor unit (400 naming the field). */
    static void requireMinorUnit(BigDecimal amount, String currency, String field) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidInputException(field, field + " " + amount.toPlainString() + " is finer than " + currency
                    + "'s minor unit (" + digits + " decimals)");
        }
    }

    @Transactional
    DisputeResources.TicketView accept(String id, IfMatch ifMatch) {
        Dispute dispute = visible(id);
        requirePartner(dispute, "accepts");
        return accepted(unchanged(dispute, ifMatch), tenancy.actor(), null);
    }

    @Transactional
    DisputeResources.TicketView reject(String id, IfMatch ifMatch, String reason) {
        Dispute dispute = visible(id);
        requirePartner(dispute, "rejects");
        return moved(unchanged(dispute, ifMatch), "proposal-rejected",
                d -> d.reject(tenancy.actor(), reason, clock.instant()));
    }

    @Transactional
    DisputeResources.TicketView withdraw(String id, IfMatch ifMatch, String reason) {
        Dispute dispute = visible(id);
        requirePartner(dispute, "withdraws");
        return moved(unchanged(dispute, ifMatch), "withdrawn",
                d -> d.withdraw(tenancy.actor(), reason, clock.instant()));
    }

    @Transactional
    DisputeResources.TicketView escalate(String id, IfMatch ifMatch, String reason) {
        return step(id, ifMatch, "escalated", dispute -> dispute.escalate(properties.escalationRole(), tenancy.actor(),
                tenancy.isStaff() ? Dispute.STAFF : Dispute.PARTNER,
                reason == null ? DisputeResources.REQUESTED_BY + tenancy.actor() : reason, clock.instant()));
    }

    @Transactional
    DisputeResources.TicketView close(String id, IfMatch ifMatch) {
        return step(id, ifMatch, "closed", dispute -> dispute.close(tenancy.actor(), clock.instant()));
    }

    /** A partner's comment on a dispute awaiting its information is its answer ({@link #provideInformation}). */
    @Transactional
    DisputeResources.TicketView comment(String id, String text) {
        Dispute dispute = visible(id);
        if (!tenancy.isStaff() && dispute.state == DisputeState.PENDING_INFORMATION) {
            requirePartner(dispute, "answers");
            return answered(dispute, text);
        }
        DisputeResources.TicketView before = notifications.view(dispute);
        Instant now = clock.instant();
        boolean unanswered = dispute.firstRespondedAt == null;
        dispute.commented(tenancy.isStaff(), now);
        thread.comment(dispute.id, tenancy.actor(), tenancy.isStaff() ? "STAFF" : "PARTNER", text, now);
        if (unanswered && dispute.firstRespondedAt != null) {
            disputes.update(dispute);
        }
        notifications.changed(dispute, before, "commented");
        return notifications.view(dispute);
    }

    @Transactional
    Noted internalNote(String id, IfMatch ifMatch, String text) {
        Dispute dispute = unchanged(visible(id), ifMatch);
        DisputeThread.InternalNote note = thread.internalNote(dispute.id, tenancy.actor(), text, clock.instant());
        notifications.internalNoteAdded(dispute, note.id());
        return new Noted(new DisputeResources.InternalNoteView(note.id().toString(), note.author(), note.createdAt(),
                note.text()), notifications.view(dispute));
    }

    /** A staff-internal note just added, and the ticket as the caller is shown it now (for its ETag). */
    record Noted(DisputeResources.InternalNoteView note, DisputeResources.TicketView ticket) {
    }

    @Transactional(readOnly = true)
    List<DisputeResources.InternalNoteView> internalNotes(String id) {
        Dispute dispute = visible(id);
        return thread.internalNotes(dispute.id).stream().map(note -> new DisputeResources.InternalNoteView(
                note.id().toString(), note.author(), note.createdAt(), note.text())).toList();
    }

    /** The ticket after an upload, and the URL of the attachment the upload added to. */
    record Attached(DisputeResources.TicketView ticket, String href) {
    }

    /** A new attachment ({@code attachmentId} null) or the next version of one. */
    @Transactional
    Attached attach(String id, IfMatch ifMatch, String attachmentId, String name, byte[] bytes, String fileName) {
        InspectedContent content = InspectedContent.inspect(bytes, properties.maxAttachmentSize());
        Dispute dispute = unchanged(visible(id), ifMatch);
        DisputeResources.TicketView before = notifications.view(dispute);
        Instant now = clock.instant();
        boolean unanswered = dispute.firstRespondedAt == null;
        dispute.evidenceAdded(tenancy.isStaff(), now);
        String side = tenancy.isStaff() ? Dispute.STAFF : Dispute.PARTNER;
        UUID attachment;
        if (attachmentId == null) {
            String label = name != null && !name.isBlank() ? name.strip()
                    : Optional.ofNullable(io.accord.platform.upload.FileNames.clean(fileName)).orElse("evidence");
            attachment = evidence.create(dispute.id, label.length() > 255 ? label.substring(0, 255) : label, now);
        } else {
            attachment = parse(attachmentId).filter(candidate -> evidence.exists(dispute.id, candidate))
                    .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
            requireOwnSide(attachment, side);
        }
        evidence.addVersion(attachment, content, fileName, tenancy.actor(), side, now);
        if (unanswered && dispute.firstRespondedAt != null) {
            disputes.update(dispute);
        }
        notifications.changed(dispute, before, "evidence-added");
        return new Attached(notifications.view(dispute), DisputeViews.attachmentHref(dispute.id, attachment));
    }

    /**
     * A new version goes only on the side's own attachment: the partner's evidence is versioned by the partner, ours by
     * us (a partner's version 2 on finance's upload displaced our evidence as the attachment's latest); 409 otherwise.
     */
    private void requireOwnSide(UUID attachment, String side) {
        String owner = evidence.ownerSide(attachment).orElse(side);
        if (!owner.equals(side)) {
            throw new ConflictException("Attachment " + attachment + " was uploaded by "
                    + (Dispute.STAFF.equals(owner) ? ActorNames.STAFF : owner.toLowerCase()) + ": only its uploader's "
                    + "side adds versions to it; upload yours as a new attachment (without attachmentId)");
        }
    }

    /** Every version of an attachment, the first first: who uploaded it (as the caller may see it), when, what. */
    @Transactional(readOnly = true)
    List<DisputeResources.AttachmentVersionView> versions(String id, String attachmentId) {
        Dispute dispute = visible(id);
        List<Evidence.Version> versions = parse(attachmentId).map(attachment -> evidence.versions(dispute.id,
                attachment)).orElse(List.of());
        if (versions.isEmpty()) {
            throw new NotFoundException("attachment", attachmentId);
        }
        String href = DisputeViews.attachmentHref(dispute.id, UUID.fromString(attachmentId));
        return versions.stream().map(version -> new DisputeResources.AttachmentVersionView(version.version(),
                href + "?version=" + version.version(), version.fileName(), version.mimeType(),
                new DisputeResources.Quantity(version.size(), "bytes"), version.sha256(),
                tenancy.isStaff() ? version.uploadedBy() : ActorNames.bySide(version.uploadedBy(),
                        version.uploaderSide()), version.uploaderSide(), version.uploadedAt())).toList();
    }

    @Transactional(readOnly = true)
    Evidence.Content content(String id, String attachmentId, Integer version) {
        Dispute dispute = visible(id);
        return parse(attachmentId).flatMap(attachment -> evidence.content(dispute.id, attachment, version))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    @Transactional(readOnly = true)
    DisputeResources.SlaView sla(String id) {
        return DisputeViews.sla(visible(id));
    }

    Instant now() {
        return clock.instant();
    }

    /** Every dispute the caller may see, for KPIs. */
    @Transactional(readOnly = true)
    List<Dispute> scoped() {
        return disputes.all(scope());
    }

    /** The partner's acceptance, or its silence ({@code by} system): resolves and publishes the adjustment. */
    DisputeResources.TicketView accepted(Dispute dispute, String by, String reason) {
        return moved(dispute, "accepted", d -> {
            d.accept(by, reason, UUID.randomUUID().toString(), clock.instant());
            limits.requireWithinAcceptance(d);
            notifications.publish(resolved(d));
        });
    }

    private DisputeResolved resolved(Dispute dispute) {
        Dispute.Proposal proposal = dispute.proposal;
        DisputeResolved.Adjustment adjustment = dispute.adjustmentId == null ? null
                : new DisputeResolved.Adjustment(dispute.adjustmentId, periodOf(dispute), dispute.statementId,
                DisputeViews.plain(proposal.amount(), dispute.currency), dispute.currency, proposal.direction(),
                proposal.reason() + " (dispute " + dispute.id + ")", lines(dispute, proposal.amount()));
        return new DisputeResolved(UUID.randomUUID(), clock.instant(), dispute.id.toString(),
                dispute.partnerId.toString(), dispute.outcome, dispute.resolvedBy, dispute.resolvedAt,
                proposal.reason(), adjustment);
    }

    /**
     * The disputed statement lines and each one's share of the adjustment ({@link Dispute#lineShares}); {@code null}
     * when the dispute did not name what it disputes on each line.
     */
    private static List<DisputeResolved.Line> lines(Dispute dispute, BigDecimal adjusted) {
        Map<String, BigDecimal> shares = dispute.lineShares(adjusted);
        if (shares.isEmpty()) {
            return null;
        }
        java.util.Map<String, BigDecimal> disputed = new java.util.LinkedHashMap<>();
        dispute.items.stream().filter(item -> item.disputedAmount() != null)
                .forEach(item -> disputed.putIfAbsent(item.refId(), item.disputedAmount()));
        return shares.entrySet().stream().map(share -> new DisputeResolved.Line(share.getKey(),
                DisputeViews.plain(disputed.get(share.getKey()), dispute.currency),
                DisputeViews.plain(share.getValue(), dispute.currency))).toList();
    }

    private String periodOf(Dispute dispute) {
        return dispute.statementId == null ? null : documents.statement(dispute.statementId, dispute.partnerId)
                .map(DisputableDocuments.Statement::periodId).orElse(null);
    }

    private DisputeResources.TicketView step(String id, IfMatch ifMatch, String action,
                                             java.util.function.Consumer<Dispute> change) {
        return moved(unchanged(visible(id), ifMatch), action, change);
    }

    private DisputeResources.TicketView moved(Dispute dispute, String action,
                                              java.util.function.Consumer<Dispute> change) {
        DisputeResources.TicketView before = notifications.view(dispute);
        String from = dispute.state.name();
        change.accept(dispute);
        disputes.update(dispute);
        notifications.moved(dispute, before, from, action);
        return notifications.view(dispute);
    }

    private void requirePartner(Dispute dispute, String action) {
        boolean own = tenancy.partnerId().map(p -> p.value().equals(dispute.partnerId)).orElse(false);
        if (!own) {
            throw new ConflictException("Only the disputing partner " + action + " dispute " + dispute.id);
        }
    }

    /**
     * The dispute a step changes, when the caller sent {@code If-Match}: its row locked for the rest of the
     * transaction and read again, then 412 ({@link TicketTags#check}) unless the tag names the ticket as the caller is
     * shown it now.
     * Called after the checks that do not depend on what changed (404, who may take the step), before the aggregate's
     * guard: a step taken from a stale page is refused as stale rather than by the state someone else moved it to.
     * The lock makes the check exact: of two handlers acting from the same page, the second waits for the first to
     * commit and then sees the ticket changed. Without the header, {@code read} as it is.
     */
    Dispute unchanged(Dispute read, IfMatch ifMatch) {
        if (!ifMatch.isPresent()) {
            return read;
        }
        disputes.lock(read.id);
        Dispute dispute = disputes.find(read.id).orElseThrow(() -> new NotFoundException("troubleTicket",
                read.id.toString()));
        tags.check(ifMatch, notifications.view(dispute));
        return dispute;
    }

    /** The dispute if the caller may see it; else 404, as for one that does not exist. */
    Dispute visible(String id) {
        return parse(id).flatMap(disputes::find)
                .filter(found -> tenancy.canAccess(new PartnerId(found.partnerId)))
                .orElseThrow(() -> new NotFoundException("troubleTicket", id));
    }

    private UUID scope() {
        return tenancy.isStaff() ? null : tenancy.partnerId().map(PartnerId::value).orElse(new UUID(0, 0));
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
