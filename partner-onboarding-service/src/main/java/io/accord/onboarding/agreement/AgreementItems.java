package io.accord.onboarding.agreement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.platform.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TMF651 {@code agreementItem}s of a version: its written terms and conditions that are not among the
 * commercial {@link AgreementTerms} (governing law, confidentiality, service levels, ...). Accord stores them as
 * the client sent them and shows them back; nothing evaluates them. An item without any term or condition carries
 * nothing and is not kept. Items naming products or product offerings are refused: a version covers all of the
 * partner's offerings (a share per offering category is a {@code terms.revenueShares} rule).
 *
 * @param items the stored items, empty when the client sent none
 */
record AgreementItems(List<Item> items) {

    static final AgreementItems NONE = new AgreementItems(List.of());

    /**
     * What a version without items shows: TMF651 requires at least one item, so one that points to the terms.
     * Fixed text, so that a client sending it back stores nothing that could go stale.
     */
    static final Item TERMS_REFERENCE = new Item(List.of(new TermOrCondition("accord-terms",
            "The commercial terms of this version are its terms attribute (Accord's extension of TMF651): revenue"
            + " shares, wholesale rates, minimum monthly guarantee, settlement cycle, payment terms, tax treatment,"
            + " reconciliation tolerance, dispute window and validity.", null)));

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

    AgreementItems {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * The items a client sent, checked: ids unique, each validity period ending after it starts; items without a
     * term or condition left out.
     */
    static AgreementItems of(List<Item> sent) {
        if (sent == null) {
            return NONE;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            List<TermOrCondition> conditions = sent.get(i).termOrCondition();
            for (int j = 0; conditions != null && j < conditions.size(); j++) {
                String field = "agreementItem[" + i + "].termOrCondition[" + j + "]";
                TermOrCondition condition = conditions.get(j);
                if (condition.id() != null && !ids.add(condition.id())) {
                    throw new InvalidInputException(field + ".id", "'" + condition.id() + "' is the id of another"
                            + " term or condition of this agreement; ids must be unique");
                }
                checked(condition.validFor(), field + ".validFor");
            }
        }
        return new AgreementItems(sent.stream()
                .filter(item -> item.termOrCondition() != null && !item.termOrCondition().isEmpty()).toList());
    }

    /** As the TMF resource shows them: the stored items, or the reference to the terms when there are none. */
    List<Item> shown() {
        return items.isEmpty() ? List.of(TERMS_REFERENCE) : items;
    }

    private static void checked(ValidFor period, String field) {
        if (period == null) {
            return;
        }
        for (Instant date : new Instant[] {period.startDateTime(), period.endDateTime()}) {
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                throw new InvalidInputException(field, "must be between " + EARLIEST + " and " + LATEST);
            }
        }
        if (period.startDateTime() != null && period.endDateTime() != null
                && !period.endDateTime().isAfter(period.startDateTime())) {
            throw new InvalidInputException(field + ".endDateTime", "must be after the startDateTime "
                    + period.startDateTime());
        }
    }

    /** TMF651 AgreementItem; only its terms and conditions are kept (see the class comment). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    @Schema(name = "AgreementItemView")
    record Item(@Size(max = 50) List<@NotNull @Valid TermOrCondition> termOrCondition) {
    }

    /** TMF651 AgreementTermOrCondition: text a human reads, with the client's own id and period if it gave them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    record TermOrCondition(@Size(max = 100) String id, @NotBlank @Size(max = 4000) String description,
                           @Valid ValidFor validFor) {
    }

    /** TMF TimePeriod, both ends optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ValidFor(Instant startDateTime, Instant endDateTime) {
    }
}
