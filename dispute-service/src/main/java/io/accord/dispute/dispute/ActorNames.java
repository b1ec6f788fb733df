package io.accord.dispute.dispute;

import io.accord.platform.security.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Who a partner's view may name: the partner's own users as they are, {@code system} as it is, anyone else (our staff
 * users) as {@link #STAFF}, as settlement shows a partner no {@code preparedBy}. A name is the partner's when it acted
 * as the partner: it opened a dispute of the partner, commented as the partner, or made a step only the partner makes
 * or that was recorded as the partner's ({@link Dispute.StatusChange#side()}; changes recorded before the side was
 * kept count by their step: rejection, withdrawal, acceptance). Evidence records no side (its table has no column for
 * it), so an uploader counts as the partner's when the name acted as the partner on any of the partner's disputes;
 * else it is shown as {@link #STAFF}: a name we cannot place is never shown to a partner.
 */
@Component
class ActorNames {

    /** What a partner sees for a staff user. Keycloak keeps user names in lower case, so no user is called this. */
    static final String STAFF = "Accord";

    private static final Set<String> PARTNER_STEPS = Set.of(DisputeState.REJECTED.tmf(),
            DisputeState.WITHDRAWN.tmf(), DisputeState.ACCEPTED.tmf(), DisputeState.RESOLVED.tmf());

    private final JdbcClient jdbc;

    ActorNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the dispute's partner is shown each name on the dispute's views. */
    UnaryOperator<String> forPartner(Dispute dispute, List<DisputeThread.Comment> comments,
                                     List<Evidence.Attachment> attachments) {
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
        List<String> uploaders = attachments.stream().map(Evidence.Attachment::uploadedBy)
                .filter(name -> !partners.contains(name) && !Tenancy.SYSTEM_ACTOR.equals(name)).distinct().toList();
        if (!uploaders.isEmpty()) {
            partners.addAll(actedAsPartner(dispute.partnerId, uploaders));
        }
        partners.remove(Tenancy.SYSTEM_ACTOR);
        return name -> name == null || Tenancy.SYSTEM_ACTOR.equals(name) || partners.contains(name) ? name : STAFF;
    }

    /** Which of {@code names} acted as the partner on any of its disputes. */
    private List<String> actedAsPartner(UUID partner, List<String> names) {
        return jdbc.sql("""
                        select d.opened_by from dispute d
                        where d.partner_id = :partner and d.source = 'PARTNER' and d.opened_by in (:names)
                        union
                        select c.author from dispute_comment c join dispute d on d.id = c.dispute_id
                        where d.partner_id = :partner and c.author_side = 'PARTNER' and c.author in (:names)
                        union
                        select change ->> 'by' from dispute d cross join jsonb_array_elements(d.history) change
                        where d.partner_id = :partner and change ->> 'side' = 'PARTNER'
                          and change ->> 'by' in (:names)
                        """)
                .param("partner", partner).param("names", names).query(String.class).list();
    }
}
