package io.accord.onboarding.application;

import io.accord.onboarding.check.Names;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The partner managers' queue: by status (default: waiting for review), partner type, business model, country,
 * name and age. Every criterion must hold; within one, a comma separates alternatives (TMF630, {@code \,} a comma
 * inside a value: {@link AttributeFilter#alternatives}). The name matches anywhere in the legal or trading name,
 * ignoring case, or in the legal name as duplicate detection normalises it (as the partner search does).
 */
record ReviewQueueFilter(List<ApplicationStatus> statuses, List<PartnerType> partnerTypes,
                         List<BusinessModel> businessModels, List<String> countries, List<String> names,
                         Integer olderThanDays) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** From the request's values (each {@code null} when absent); 400 naming the parameter for a value none has. */
    static ReviewQueueFilter of(List<ApplicationStatus> statuses, List<PartnerType> partnerTypes,
                                String businessModel, String country, String name, Integer olderThanDays) {
        List<BusinessModel> models = alternatives(businessModel).stream().map(ReviewQueueFilter::model).toList();
        List<String> countries = alternatives(country).stream().map(ReviewQueueFilter::country).toList();
        List<String> names = alternatives(name).stream().filter(each -> !each.isBlank()).toList();
        return new ReviewQueueFilter(statuses == null ? List.of() : statuses,
                partnerTypes == null ? List.of() : partnerTypes, models, countries, names, olderThanDays);
    }

    Specification<PartnerApplication> toSpecification(Instant now) {
        return (root, query, builder) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(root.get("status").in(statuses.isEmpty() ? List.of(ApplicationStatus.IN_REVIEW) : statuses));
            if (!partnerTypes.isEmpty()) {
                all.add(root.get("partnerType").in(partnerTypes));
            }
            if (!businessModels.isEmpty()) {
                all.add(root.get("businessModel").in(businessModels));
            }
            if (!countries.isEmpty()) {
                all.add(root.get("country").in(countries));
            }
            if (!names.isEmpty()) {
                all.add(builder.or(names.stream().map(name -> named(root, builder, name)).toArray(Predicate[]::new)));
            }
            if (olderThanDays != null) {
                all.add(builder.lessThanOrEqualTo(root.get("submittedAt"),
                        now.minus(Duration.ofDays(olderThanDays))));
            }
            return builder.and(all.toArray(Predicate[]::new));
        };
    }

    private static Predicate named(Root<PartnerApplication> root, CriteriaBuilder builder, String name) {
        String pattern = like(name.strip().toLowerCase(Locale.ROOT));
        // the trading name is stored in the form only (JSON text)
        Expression<String> tradingName = builder.function("jsonb_extract_path_text", String.class,
                builder.function("jsonb", Object.class, root.get("form")), builder.literal("tradingName"));
        Predicate byName = builder.or(builder.like(builder.lower(root.get("legalName")), pattern, '\\'),
                builder.like(builder.lower(tradingName), pattern, '\\'));
        String normalised = Names.normalise(name);
        return normalised.isBlank() ? byName
                : builder.or(byName, builder.like(root.get("normalisedName"), like(normalised), '\\'));
    }

    private static List<String> alternatives(String parameter) {
        return parameter == null ? List.of() : AttributeFilter.alternatives(new String[] {parameter});
    }

    private static BusinessModel model(String value) {
        return Arrays.stream(BusinessModel.values()).filter(model -> model.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException("businessModel", "unknown businessModel '" + value
                        + "'; one of " + Arrays.toString(BusinessModel.values())));
    }

    private static String country(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new InvalidInputException("country", "'" + value + "' is not an ISO 3166-1 alpha-2 country");
        }
        return code;
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
