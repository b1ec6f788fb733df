package io.accord.onboarding.agreement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.onboarding.partner.BusinessModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request bodies of the agreement and template APIs. Terms are checked by {@link TermsRules}. */
final class AgreementRequests {

    private AgreementRequests() {
    }

    /**
     * A new version of a partner's agreement (TMF651 Agreement_Create). {@code agreementType} is the business
     * model; without {@code terms} the current template of that model applies, in the partner's currency.
     * Other TMF attributes (agreementItem, …) are accepted and ignored.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "agreementAuthorization", "agreementItem",
            "agreementSpecification", "associatedAgreement", "characteristic", "completionDate",
            "documentNumber", "initialDate", "statementOfIntent", "status", "version"})
    record CreateAgreement(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull BusinessModel agreementType,
            @NotEmpty @Size(max = 1, message = "must name exactly one party: the partner")
            List<@NotNull @Valid EngagedParty> engagedParty,
            @NotNull @Valid Period agreementPeriod,
            AgreementTerms terms) {
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

    record CreateTemplate(
            @NotNull BusinessModel businessModel,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull AgreementTerms terms) {
    }
}
