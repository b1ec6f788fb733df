package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.onboarding.partner.OrganizationRequests.ContactMediumInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** TMF632 request bodies for individuals (a partner's contact persons). */
final class IndividualRequests {

    private IndividualRequests() {
    }

    /** {@code relatedParty}: the partner's organization (a partner's own user may leave it out). */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "aristocraticTitle", "birthDate",
            "countryOfBirth", "creditRating", "deathDate", "disability", "externalReference",
            "familyNamePrefix", "formattedName", "fullName", "gender", "generation",
            "individualIdentification", "languageAbility", "legalName", "location", "maritalStatus",
            "middleName", "nationality", "otherName", "partyCharacteristic", "placeOfBirth",
            "preferredGivenName", "skill", "status", "taxExemptionCertificate", "title"})
    record CreateIndividual(@Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
                            @Valid @Size(max = 2) List<@NotNull @Valid ContactMediumInput> contactMedium,
                            @Valid @Size(max = 1) List<@NotNull @Valid RelatedPartyInput> relatedParty) {
    }

    /** What a merge patch may change. */
    record ChangeIndividual(@Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
                            @Valid @Size(max = 2) List<@NotNull @Valid ContactMediumInput> contactMedium) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href", "name"})
    record RelatedPartyInput(@NotBlank @Size(max = 100) String id, String role,
                             @JsonProperty("@referredType") String referredType) {
    }
}
