package io.accord.onboarding.agreement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.onboarding.agreement.AgreementItems.TermOrCondition;
import io.accord.onboarding.partner.BusinessModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request bodies of the agreement and template APIs. Terms are checked by {@link TermsRules}. */
final class AgreementRequests {

    static final String ONE_PARTY = "must name exactly one party: the partner";
    static final String NO_OFFERINGS = "is not supported: an agreement version covers all of the partner's"
            + " offerings (a share per offering category is a terms.revenueShares rule); give its terms and"
            + " conditions as termOrCondition";

    private AgreementRequests() {
    }

    /**
     * A new version of a partner's agreement (TMF651 Agreement_Create). {@code agreementType} is the business
     * model; without {@code terms} the current template of that model applies, in the partner's currency;
     * {@code agreementItem}'s terms and conditions are stored ({@link AgreementItems}). Other TMF attributes
     * (status, version, …) are accepted and ignored.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "agreementAuthorization",
            "agreementSpecification", "associatedAgreement", "characteristic", "completionDate",
            "documentNumber", "initialDate", "statementOfIntent", "status", "version"})
    record CreateAgreement(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull BusinessModel agreementType,
            @NotEmpty @Size(max = 1, message = ONE_PARTY)
            List<@NotNull @Valid EngagedParty> engagedParty,
            @NotNull @Valid Period agreementPeriod,
            AgreementTerms terms,
            @Size(max = 20) List<@NotNull @Valid Item> agreementItem) {
    }

    /**
     * What a merge patch of a DRAFT version may set: the attributes {@link CreateAgreement} sets. Its partner and
     * business model stay, so {@code engagedParty} and {@code agreementType} may only repeat their values (as a
     * client sending a whole Agreement_Update does).
     */
    record ChangeAgreement(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull BusinessModel agreementType,
            @NotEmpty @Size(max = 1, message = ONE_PARTY)
            List<@NotNull @Valid EngagedParty> engagedParty,
            @NotNull @Valid Period agreementPeriod,
            AgreementTerms terms,
            @Size(max = 20) List<@NotNull @Valid Item> agreementItem) {

        /** The changeable part of a version as it stands: what a merge patch applies to. */
        static ChangeAgreement of(Agreement agreement) {
            return new ChangeAgreement(agreement.name(), agreement.description(), agreement.agreementType(),
                    List.of(new EngagedParty(agreement.partnerId().toString(), agreement.partnerName(), "Partner",
                            "Organization")),
                    new Period(agreement.effectiveFrom(), agreement.validUntil()), agreement.terms(),
                    agreement.items().items().stream()
                            .map(item -> new Item(null, null, item.termOrCondition())).toList());
        }
    }

    /**
     * TMF651 AgreementItem as a client sends it: its terms and conditions are kept; products and product
     * offerings are refused, as a version covers all of the partner's offerings.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    @Schema(name = "AgreementItem")
    record Item(@Size(max = 0, message = NO_OFFERINGS) List<Object> product,
                @Size(max = 0, message = NO_OFFERINGS) List<Object> productOffering,
                @Size(max = 50) List<@NotNull @Valid TermOrCondition> termOrCondition) {

        static AgreementItems kept(List<Item> items) {
            return AgreementItems.of(items == null ? null
                    : items.stream().map(item -> new AgreementItems.Item(item.termOrCondition())).toList());
        }
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href"})
    record EngagedParty(@NotBlank String id, String name, String role,
                        @JsonProperty("@referredType") String referredType) {
    }

    /** {@code startDateTime} is the effective date; {@code endDateTime} defaults to the terms' validity. */
    record Period(@NotNull Instant startDateTime, Instant endDateTime) {
    }

    record Termination(@NotBlank @Size(max = 500) String reason) {
    }

    /** Why a proposed version goes back to its proposer: what to change before proposing it again. */
    record SendBack(@NotBlank @Size(max = 500) String reason) {
    }

    record CreateTemplate(
            @NotNull BusinessModel businessModel,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull AgreementTerms terms) {
    }
}
