package io.accord.onboarding.partner;

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
    record CreateIndividual(@Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
                            @Valid @Size(max = 2) List<@NotNull @Valid ContactMediumInput> contactMedium,
                            @Valid @Size(max = 1) List<@NotNull @Valid RelatedPartyInput> relatedParty) {
    }

    /** What a merge patch may change. */
    record ChangeIndividual(@Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
                            @Valid @Size(max = 2) List<@NotNull @Valid ContactMediumInput> contactMedium) {
    }

    record RelatedPartyInput(@NotBlank @Size(max = 100) String id, String role,
                             @JsonProperty("@referredType") String referredType) {
    }
}
