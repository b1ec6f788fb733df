package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import org.springframework.data.jpa.domain.Specification;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Agreement attributes filtered in the database: id, name, description, status, agreementType and version, and
 * {@code termsApproval=pending} (proposed versions whose terms no second CSP user has approved yet, the staff's
 * four-eyes worklist); other simple attributes (statusReason, initialDate, @type...) are compared on the resource.
 */
final class AgreementFilter {

    static final String ENGAGED_PARTY_ID = "engagedParty.id";
    static final String TERMS_APPROVAL = "termsApproval";
    static final String PENDING = "pending";

    static final AttributeFilter<Agreement> FILTER = AttributeFilter.<Agreement>of(AgreementView.class)
            .column("id", value -> equal("id", parse(value, UUID::fromString)))
            .column("name", value -> equal("name", value))
            .column("description", value -> equal("description", value))
            .column("status", value -> equal("status", oneOf("status", value, AgreementStatus.class)))
            .column("agreementType", value -> equal("agreementType",
                    oneOf("agreementType", value, BusinessModel.class)))
            .column("version", value -> equal("version", parse(value, Integer::valueOf)))
            .column(TERMS_APPROVAL, AgreementFilter::termsApproval)
            .alsoAccepts(ENGAGED_PARTY_ID);

    private AgreementFilter() {
    }

    /** A null value matches nothing. */
    private static Specification<Agreement> equal(String attribute, Object value) {
        return (root, query, builder) -> value == null ? builder.disjunction()
                : builder.equal(root.get(attribute), value);
    }

    /** {@code pending}: proposed and waiting for a second CSP user's approval of its terms; nothing else (400). */
    private static Specification<Agreement> termsApproval(String value) {
        if (!PENDING.equals(value)) {
            throw new InvalidInputException(TERMS_APPROVAL, TERMS_APPROVAL + " must be " + PENDING
                    + " (proposed versions whose terms wait for a second CSP user's approval)");
        }
        return (root, query, builder) -> builder.and(
                builder.equal(root.get("status"), AgreementStatus.PENDING_APPROVAL),
                builder.isNull(root.get("termsApprovedAt")));
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
