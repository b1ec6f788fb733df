package io.accord.dispute.dispute;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who works a dispute: staff give it to a staff user ({@code me}: themselves) or to nobody, one at a time or many at
 * once (all or none). Each save checks the version it read, as every step does: of two staff assigning at once one
 * wins, the other gets a 409; one who sent the ticket's ETag as {@code If-Match} gets a 412 instead when the ticket
 * changed since ({@link DisputeService#unchanged}). The partner never sees the assignee
 * ({@link DisputeResources.TicketView#forPartner}).
 */
@Service
class DisputeAssignments {

    /** Names no staff user has: work no user started, and what a partner sees for staff. */
    private static final Set<String> RESERVED = Set.of(Tenancy.SYSTEM_ACTOR, Tenancy.ANONYMOUS_ACTOR);

    private final DisputeService service;
    private final DisputeRepository disputes;
    private final DisputeNotifications notifications;
    private final Tenancy tenancy;

    DisputeAssignments(DisputeService service, DisputeRepository disputes, DisputeNotifications notifications,
                       Tenancy tenancy) {
        this.service = service;
        this.disputes = disputes;
        this.notifications = notifications;
        this.tenancy = tenancy;
    }

    /** With {@code If-Match}, 412 and nothing assigned unless it names the ticket as the caller read it last. */
    @Transactional
    DisputeResources.TicketView assign(String id, IfMatch ifMatch, String assignee) {
        Dispute read = service.visible(id);
        String user = user(assignee);
        Dispute dispute = service.unchanged(read, ifMatch);
        assign(dispute, user);
        return notifications.view(dispute);
    }

    @Transactional
    DisputeResources.TicketView unassign(String id, IfMatch ifMatch) {
        Dispute dispute = service.unchanged(service.visible(id), ifMatch);
        assign(dispute, null);
        return notifications.view(dispute);
    }

    /**
     * Assigns every dispute named, or none: a 400 naming each that is unknown (or not a UUID) or closed or withdrawn,
     * before anything changes; a concurrent change to one of them is a 409 and rolls them all back. Saved in the order
     * of their ids, so two bulk assignments at once wait for each other rather than deadlock. With {@code If-Match}
     * (the tags of the tickets as read, one each) every row is locked and checked first: one stale ticket is a 412
     * and none is assigned.
     */
    @Transactional
    DisputeResources.BulkAssignmentView assignAll(List<String> ids, IfMatch ifMatch, String assignee) {
        String user = user(assignee);
        List<String> unknown = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        List<String> closedStates = new ArrayList<>();
        List<Dispute> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<Dispute> dispute = visible(id);
            if (dispute.isEmpty()) {
                unknown.add(id);
            } else if (!dispute.get().assignable()) {
                closed.add(id);
                closedStates.add(id + " (" + dispute.get().state.tmf() + ")");
            } else {
                found.add(dispute.get());
            }
        }
        if (!unknown.isEmpty() || !closed.isEmpty()) {
            throw refused(unknown, closed, closedStates);
        }
        found.sort(Comparator.comparing(dispute -> dispute.id));
        // locked and checked in id order too; every ticket first, so a stale one assigns none
        List<Dispute> current = found.stream().map(dispute -> service.unchanged(dispute, ifMatch)).toList();
        current.forEach(dispute -> assign(dispute, user));
        return new DisputeResources.BulkAssignmentView(user, current.stream().map(dispute -> dispute.id.toString())
                .toList());
    }

    private void assign(Dispute dispute, String assignee) {
        String before = dispute.assignee;
        dispute.assign(assignee);
        disputes.update(dispute);
        notifications.assigned(dispute, before, assignee);
    }

    private Optional<Dispute> visible(String id) {
        try {
            return Optional.of(service.visible(id));
        } catch (io.accord.platform.problem.NotFoundException unknown) {
            return Optional.empty();
        }
    }

    /** The user an assignment names: {@code me} is the caller. */
    private String user(String assignee) {
        String user = DisputeResources.ME.equals(assignee) ? tenancy.actor() : assignee;
        if (RESERVED.contains(user) || DisputeResources.NONE.equals(user)) {
            throw new InvalidInputException("assignee", "'" + user + "' is no staff user");
        }
        return user;
    }

    private static ErrorResponseException refused(List<String> unknown, List<String> closed,
                                                  List<String> closedStates) {
        List<String> reasons = new ArrayList<>();
        if (!unknown.isEmpty()) {
            reasons.add("unknown: " + String.join(", ", unknown));
        }
        if (!closed.isEmpty()) {
            reasons.add("closed or withdrawn: " + String.join(", ", closedStates));
        }
        ProblemDetail problem = Problems.invalid("disputeIds", "No dispute was assigned; "
                + String.join("; ", reasons));
        problem.setProperty("unknown", unknown);
        problem.setProperty("notAssignable", closed);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
