package io.accord.onboarding.agreement;

import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * All versions of one partner's agreement: the aggregate that keeps the partner-wide rules. At most one version
 * is in force at any instant, at most one is open (drafted, proposed or approved and waiting), and versions are
 * numbered in order. Services lock its row before changing it, so these checks see every committed version.
 */
@Entity
@Table(name = "agreement_history")
class AgreementHistory {

    @Id
    private UUID partnerId;
    private Instant createdAt;

    // the versions own their partner_id column; this side only reads it
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "partner_id", insertable = false, updatable = false)
    @OrderBy("version")
    private List<Agreement> versions = new ArrayList<>();

    @Transient
    private final List<DomainEvent> events = new ArrayList<>();

    protected AgreementHistory() {
    }

    AgreementHistory(PartnerId partner, Instant now) {
        this.partnerId = partner.value();
        this.createdAt = now;
    }

    /** A new DRAFT version; refused while another version is still open. */
    Agreement draft(AgreementDraft draft, Instant now, String by) {
        versions.stream().filter(version -> version.status().isOpen()).findFirst().ifPresent(open -> {
            throw new ConflictException("Partner " + partnerId + " already has agreement version " + open.version()
                    + " " + open.status() + "; it must come into force or be terminated before a new version");
        });
        Agreement created = new Agreement(draft, partnerId, versions.size() + 1, now, by);
        versions.add(created);
        return created;
    }

    /** The first version, approved by the onboarding policy instead of a countersignature: in force from its date. */
    Agreement startApproved(AgreementDraft draft, Instant now, String by) {
        if (!versions.isEmpty()) {
            throw new ConflictException("Partner " + partnerId + " already has an agreement (" + versions.size()
                    + " version(s)); amend it instead");
        }
        Agreement first = draft(draft, now, by);
        first.propose(by, now);
        first.approveTerms(Agreement.ONBOARDING_POLICY, now);
        first.countersign(null, now);
        applyDueTransitions(now);
        return first;
    }

    /**
     * The first version as a DRAFT for a partner manager, when the template does not fit the partner (its open
     * points are the draft's status reason): nothing comes into force until staff set the terms and the partner
     * countersigns.
     */
    Agreement startForReview(AgreementDraft draft, Instant now, String by) {
        if (!versions.isEmpty()) {
            throw new ConflictException("Partner " + partnerId + " already has an agreement (" + versions.size()
                    + " version(s)); amend it instead");
        }
        return draft(draft, now, by);
    }

    /** Changes a DRAFT version (409 for any other). Drafts publish no events: nobody outside staff has seen them. */
    Agreement redraft(AgreementId id, AgreementDraft draft, Instant now, String by) {
        Agreement agreement = version(id);
        agreement.redraft(draft, now, by);
        return agreement;
    }

    /**
     * Removes a DRAFT version (409 for any other); it is the newest version, so the numbers stay consecutive and
     * the next draft takes its number.
     */
    Agreement discard(AgreementId id) {
        Agreement agreement = version(id);
        agreement.requireDraft("deleted");
        versions.remove(agreement);
        return agreement;
    }

    void propose(AgreementId id, String by, Instant now) {
        version(id).propose(by, now);
    }

    /** A second CSP user approves a proposed version's terms (four-eyes); then the partner may countersign. */
    void approveTerms(AgreementId id, String by, Instant now) {
        version(id).approveTerms(by, now);
    }

    /**
     * A second CSP user sends a proposed version back to its proposer for changes, with the reason: a DRAFT again.
     * No event: like a draft's changes, a version's proposal and its terms approval publish none.
     */
    void sendBack(AgreementId id, String by, String reason, Instant now) {
        version(id).sendBack(by, reason, now);
    }

    /** The partner admin's signature; the version comes into force now if its effective date has come. */
    void countersign(AgreementId id, String by, Instant now) {
        version(id).countersign(by, now);
        applyDueTransitions(now);
    }

    void terminate(AgreementId id, String reason, Instant now) {
        applyDueTransitions(now);
        Agreement agreement = version(id);
        AgreementStatus previous = agreement.status();
        agreement.terminate(reason, now);
        events.add(AgreementEvents.terminated(agreement, previous, now));
    }

    /** The partner is gone: every version not yet final ends, each with its event. Returns how many ended. */
    int terminateAll(String reason, Instant now) {
        applyDueTransitions(now);
        int ended = 0;
        for (Agreement agreement : versions) {
            if (!agreement.status().isFinal()) {
                AgreementStatus previous = agreement.status();
                agreement.terminate(reason, now);
                events.add(AgreementEvents.terminated(agreement, previous, now));
                ended++;
            }
        }
        return ended;
    }

    /** Brings in a version whose date has come and expires one whose validity has ended; returns how many changed. */
    int applyDueTransitions(Instant now) {
        int changed = 0;
        Optional<Agreement> due = versions.stream().filter(version -> version.isDue(now)).findFirst();
        if (due.isPresent()) {
            changed += activate(due.get(), now);
        }
        Optional<Agreement> runOut = active().filter(version -> version.hasRunOut(now));
        if (runOut.isPresent()) {
            runOut.get().expire(now);
            events.add(AgreementEvents.expired(runOut.get(), now));
            changed++;
        }
        return changed;
    }

    /**
     * The version in force at {@code at}, including one whose date has come but which the scheduled job has not
     * yet switched to ACTIVE.
     */
    Optional<Agreement> inForceAt(Instant at) {
        Optional<Agreement> due = versions.stream().filter(version -> version.isDue(at)).findFirst();
        if (due.isPresent()) {
            Instant end = due.get().validUntil();
            return end == null || at.isBefore(end) ? due : Optional.empty();
        }
        return versions.stream().filter(version -> version.isInForceAt(at)).findFirst();
    }

    Optional<Agreement> find(AgreementId id) {
        return versions.stream().filter(version -> version.id().equals(id.value())).findFirst();
    }

    private Agreement version(AgreementId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Agreement", id));
    }

    private Optional<Agreement> active() {
        return versions.stream().filter(version -> version.status() == AgreementStatus.ACTIVE).findFirst();
    }

    private int activate(Agreement next, Instant now) {
        Instant at = next.activationTime();
        int changed = 1;
        UUID superseded = null;
        Optional<Agreement> current = active();
        if (current.isPresent() && current.get().hasRunOut(at)) {
            current.get().expire(now);
            events.add(AgreementEvents.expired(current.get(), now));
            changed++;
        } else if (current.isPresent()) {
            current.get().supersede(at, now);
            events.add(AgreementEvents.superseded(current.get(), next, now));
            superseded = current.get().id();
            changed++;
        }
        next.activate(at, now);
        events.add(AgreementEvents.activated(next, superseded, now));
        return changed;
    }

    List<Agreement> versions() {
        return List.copyOf(versions);
    }

    PartnerId partnerId() {
        return new PartnerId(partnerId);
    }

    /** The events registered since the last call; the caller publishes them through the outbox. */
    List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }
}
