package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.onboarding.partner.Individual.IndividualDetails;
import io.accord.onboarding.partner.OrganizationResource.ContactMedium;
import io.accord.onboarding.partner.OrganizationResource.MediumCharacteristic;

import java.util.ArrayList;
import java.util.List;

/** A partner's contact person as a TMF632 {@code Individual}, related to its partner's organization. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record IndividualResource(String id, String href, String givenName, String familyName, String fullName,
                          String status, List<ContactMedium> contactMedium, List<RelatedParty> relatedParty,
                          @JsonProperty("@type") String type) {

    static final String PATH = "/tmf-api/party/v4/individual";
    static final String EMPLOYER = "employer";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RelatedParty(String id, String href, String name, String role,
                        @JsonProperty("@referredType") String referredType) {
    }

    static IndividualResource of(Individual individual, String organizationName) {
        IndividualDetails details = individual.details();
        String partner = individual.partnerId().value().toString();
        List<ContactMedium> media = new ArrayList<>();
        if (details.email() != null) {
            media.add(new ContactMedium("email", true,
                    new MediumCharacteristic(null, details.email(), null, null, null, null, null, null)));
        }
        if (details.phone() != null) {
            media.add(new ContactMedium("phone", false,
                    new MediumCharacteristic(null, null, details.phone(), null, null, null, null, null)));
        }
        String fullName = details.givenName() == null ? details.familyName()
                : details.givenName() + " " + details.familyName();
        return new IndividualResource(individual.id().toString(), PATH + "/" + individual.id(), details.givenName(),
                details.familyName(), fullName, "validated", media,
                List.of(new RelatedParty(partner, OrganizationResource.PATH + "/" + partner, organizationName,
                        EMPLOYER, "Organization")), "Individual");
    }
}
