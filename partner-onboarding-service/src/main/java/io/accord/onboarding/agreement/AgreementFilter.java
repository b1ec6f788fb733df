package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Agreement attributes filtered in the database: id, name, description, status, agreementType and version, and
 * {@code termsApproval} ({@link TermsApprovalState}: {@code pending}, the staff's four-eyes worklist;
 * {@code approved}; {@code sentBack}, the proposers' worklist) and {@code preparedBy=me} ({@link #preparedBy});
 * other simple attributes (statusReason, initialDate, @type...) are compared on the resource.
 */
final class AgreementFilter {

    static final String ENGAGED_PARTY_ID = "engagedParty.id";
    static final String TERMS_APPROVAL = "termsApproval";
    static final String PREPARED_BY = "preparedBy";
    /** The one value of {@code preparedBy}: the caller. */
    static final String ME = "me";

    static final AttributeFilter<Agreement> FILTER = AttributeFilter.<Agreement>of(AgreementView.class)
            .column("id", value -> equal("id", parse(value, UUID::fromString)))
            .column("name", value -> equal("name", value))
            .column("description", value -> equal("description", value))
            .column("status", value -> equal("status", oneOf("status", value, AgreementStatus.class)))
            .column("agreementType", value -> equal("agreementType",
                    oneOf("agreementType", value, BusinessModel.class)))
            .column("version", value -> equal("version", parse(value, Integer::valueOf)))
            .column(TERMS_APPROVAL, value -> TermsApprovalState.of(value).criterion())
            .alsoAccepts(ENGAGED_PARTY_ID, PREPARED_BY);

    /** Where a version stands in the four-eyes approval of its terms, as {@code ?termsApproval=} names it. */
    enum TermsApprovalState {
        /** Proposed, waiting for a second CSP user's approval of its terms: newest proposal first. */
        PENDING("pending", "proposedAt"),
        /** Its terms were approved (by a second CSP user or the onboarding policy), whatever came next. */
        APPROVED("approved", "termsApprovedAt"),
        /** A DRAFT again: sent back to its proposer for changes and not proposed since. */
        SENT_BACK("sentBack", "sentBackAt");

        private final String value;
        private final String since;

        TermsApprovalState(String value, String since) {
            this.value = value;
            this.since = since;
        }

        static TermsApprovalState of(String value) {
            return Arrays.stream(values()).filter(state -> state.value.equals(value)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(TERMS_APPROVAL, TERMS_APPROVAL + " must be one of "
                            + Arrays.stream(values()).map(state -> state.value).collect(Collectors.joining(", "))
                            + " (pending: proposed versions whose terms wait for a second CSP user's approval;"
                            + " approved: versions whose terms were approved; sentBack: drafts sent back to their"
                            + " proposer for changes)"));
        }

        Specification<Agreement> criterion() {
            return switch (this) {
                case PENDING -> (root, query, builder) -> builder.and(
                        builder.equal(root.get("status"), AgreementStatus.PENDING_APPROVAL),
                        builder.isNull(root.get("termsApprovedAt")));
                case APPROVED -> (root, query, builder) -> builder.isNotNull(root.get("termsApprovedAt"));
                case SENT_BACK -> (root, query, builder) -> builder.and(
                        builder.equal(root.get("status"), AgreementStatus.DRAFT),
                        builder.isNotNull(root.get("sentBackAt")));
            };
        }

        /** Newest first by the time the version entered this state (a version without one last). */
        Sort newestFirst() {
            return Sort.by(Sort.Order.desc(since).nullsLast(), Sort.Order.desc("id"));
        }
    }

    /**
     * The order of a list asked for with {@code termsApproval}: newest first by the time the versions entered the
     * state asked for; by their last change when several are asked for ({@code null}: none asked for).
     */
    static Sort termsApprovalOrder(String[] values) {
        List<String> states = AttributeFilter.alternatives(values);
        if (states.isEmpty()) {
            return null;
        }
        return states.size() == 1 ? TermsApprovalState.of(states.getFirst()).newestFirst()
                : Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
    }

    /**
     * {@code ?preparedBy=me}: the versions the caller prepared, that is created, changed (as a draft) or proposed, as
     * the four-eyes rule counts them ({@link Agreement#preparers()}); with {@code termsApproval=sentBack}, those sent
     * back to them. Any other value is a 400; absent, no condition. Within what the caller sees anyway (a partner
     * prepares no version, so it lists none).
     *
     * @param values the parameter's values as the request carries them ({@code null} when absent)
     * @param caller who is asking, as versions name their preparers
     */
    static Specification<Agreement> preparedBy(String[] values, Supplier<String> caller) {
        List<String> who = AttributeFilter.alternatives(values);
        if (who.isEmpty()) {
            return Specification.unrestricted();
        }
        if (!who.equals(List.of(ME))) {
            throw new InvalidInputException(PREPARED_BY, PREPARED_BY + " must be " + ME + " (the versions you"
                    + " created, changed or proposed; with termsApproval=sentBack, those sent back to you)");
        }
        String me = caller.get();
        // changed_by holds one user a line
        String editor = "%\n" + me.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\n%";
        return (root, query, builder) -> builder.or(
                builder.equal(root.get("createdBy"), me),
                builder.equal(root.get("proposedBy"), me),
                builder.like(builder.concat(builder.concat("\n", root.<String>get("changedBy")), "\n"), editor,
                        '\\'));
    }

    /** The versions a partner's users see, as {@link Agreement#shownToPartner} decides for one. */
    static final Specification<Agreement> SHOWN_TO_PARTNER = (root, query, builder) -> builder.and(
            builder.notEqual(root.get("status"), AgreementStatus.DRAFT),
            builder.or(builder.notEqual(root.get("status"), AgreementStatus.TERMINATED),
                    builder.isNotNull(root.get("proposedAt")), builder.isNotNull(root.get("proposedBy")),
                    builder.isNotNull(root.get("countersignedAt"))));

    private AgreementFilter() {
    }

    /** A null value matches nothing. */
    private static Specification<Agreement> equal(String attribute, Object value) {
        return (root, query, builder) -> value == null ? builder.disjunction()
                : builder.equal(root.get(attribute), value);
    }

    /** A value the attribute cannot have (an id that is no UUID) matches nothing. */
    static <T> T parse(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static <T extends Enum<T>> T oneOf(String attribute, String value, Class<T> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(attribute, attribute + " must be one of " + Arrays.stream(
                    type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
