package io.accord.onboarding.application;

import io.accord.platform.problem.InvalidInputException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The orders of the review queue ({@code sort}); ties are broken by creation and id, so that paging is stable.
 * Absent values (a draft's submission, a decided application's waiting time) come last.
 */
enum ReviewQueueOrder {
    SUBMITTED("submittedAt", true, (root, builder) -> root.get("submittedAt")),
    SUBMITTED_LAST("-submittedAt", false, (root, builder) -> root.get("submittedAt")),
    LAST_SUBMITTED("lastSubmittedAt", true, (root, builder) -> root.get("lastSubmittedAt")),
    LAST_SUBMITTED_LAST("-lastSubmittedAt", false, (root, builder) -> root.get("lastSubmittedAt")),
    WAITING("waitingSince", true, ReviewQueueOrder::waitingSince),
    WAITING_LAST("-waitingSince", false, ReviewQueueOrder::waitingSince),
    LEGAL_NAME("legalName", true, (root, builder) -> builder.lower(root.get("legalName"))),
    LEGAL_NAME_LAST("-legalName", false, (root, builder) -> builder.lower(root.get("legalName")));

    /** Oldest submission first, as the queue always was. */
    static final ReviewQueueOrder DEFAULT = SUBMITTED;

    private final String parameter;
    private final boolean ascending;
    private final BiFunction<Root<PartnerApplication>, CriteriaBuilder, Expression<?>> key;

    ReviewQueueOrder(String parameter, boolean ascending,
                     BiFunction<Root<PartnerApplication>, CriteriaBuilder, Expression<?>> key) {
        this.parameter = parameter;
        this.ascending = ascending;
        this.key = key;
    }

    /** The order a {@code sort} value names (the default when absent); 400 naming the allowed values otherwise. */
    static ReviewQueueOrder of(String sort) {
        if (sort == null) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(order -> order.parameter.equals(sort.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("sort", "unknown sort '" + sort + "'; it is one of "
                        + Arrays.stream(values()).map(order -> order.parameter).collect(Collectors.joining(", "))));
    }

    /** The filter, ordered (the count query is left unordered). */
    Specification<PartnerApplication> applyTo(Specification<PartnerApplication> filter) {
        return (root, query, builder) -> {
            if (query != null && !Long.class.equals(query.getResultType())) {
                Expression<?> value = key.apply(root, builder);
                Order first = ascending ? builder.asc(value, Nulls.LAST) : builder.desc(value, Nulls.LAST);
                query.orderBy(List.of(first, builder.asc(root.get("createdAt")), builder.asc(root.get("id"))));
            }
            return filter.toPredicate(root, query, builder);
        };
    }

    /** When the application entered its current status, for the statuses in which someone is waiting. */
    private static Expression<?> waitingSince(Root<PartnerApplication> root, CriteriaBuilder builder) {
        return builder.selectCase()
                .when(builder.equal(root.get("status"), ApplicationStatus.IN_REVIEW),
                        builder.coalesce(root.get("reviewSince"), root.get("lastSubmittedAt")))
                .when(builder.equal(root.get("status"), ApplicationStatus.INFO_REQUESTED), root.get("decidedAt"))
                .when(builder.equal(root.get("status"), ApplicationStatus.DRAFT), root.get("createdAt"))
                .otherwise(builder.nullLiteral(java.time.Instant.class));
    }
}
