package io.accord.dispute.dispute;

import io.accord.platform.security.Tenancy;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who a partner's view may name: the partner's own users as they are, {@code system} as it is, anyone else (our staff
 * users) as {@link #STAFF}, as settlement shows a partner no {@code preparedBy}. A name is the partner's when it acted
 * as the partner: it opened a dispute of the partner, commented as the partner, or made a step only the partner makes
 * or that was recorded as the partner's ({@link Dispute.StatusChange#side()}; changes recorded before the side was
 * kept count by their step: rejection, withdrawal, acceptance). Evidence records the side it was uploaded from, so an
 * uploader is shown by that side ({@link #bySide}), never by what its name did.
 */
@Component
class ActorNames {

    /** What a partner sees for a staff user. Keycloak keeps user names in lower case, so no user is called this. */
    static final String STAFF = "Accord";

    private static final Set<String> PARTNER_STEPS = Set.of(DisputeState.REJECTED.tmf(),
            DisputeState.WITHDRAWN.tmf(), DisputeState.ACCEPTED.tmf(), DisputeState.RESOLVED.tmf());

    /** How the dispute's partner is shown each name of the dispute's history and comments. */
    UnaryOperator<String> forPartner(Dispute dispute, List<DisputeThread.Comment> comments) {
        Set<String> partners = new HashSet<>();
        if (dispute.source == Dispute.Source.PARTNER) {
            partners.add(dispute.openedBy);
        }
        comments.stream().filter(comment -> Dispute.PARTNER.equals(comment.side()))
                .forEach(comment -> partners.add(comment.author()));
        for (Dispute.StatusChange change : dispute.history) {
            boolean partnerStep = change.side() == null ? PARTNER_STEPS.contains(change.state())
                    : Dispute.PARTNER.equals(change.side());
            if (partnerStep) {
                partners.add(change.by());
            }
        }
        if (dispute.proposal != null && dispute.proposal.rejectedBy() != null) {
            partners.add(dispute.proposal.rejectedBy());
        }
        partners.remove(Tenancy.SYSTEM_ACTOR);
        return name -> name == null || Tenancy.SYSTEM_ACTOR.equals(name) || partners.contains(name) ? name : STAFF;
    }

    /**
     * How the partner is shown a user who acted from a recorded side: a staff user ({@link Dispute#STAFF}) as
     * {@link #STAFF}, anyone else (the partner's users, {@code system}) as it is.
     */
    static String bySide(String name, String side) {
        return Dispute.STAFF.equals(side) ? STAFF : name;
    }
}
