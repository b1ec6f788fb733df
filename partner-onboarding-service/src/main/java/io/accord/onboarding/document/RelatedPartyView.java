package io.accord.onboarding.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF {@code RelatedParty}: the owner, a partner organization (TMF632) or, before activation, an application. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RelatedPartyView(String id, String href, String role, @JsonProperty("@referredType") String referredType) {

    static final String ORGANIZATION_PATH = "/tmf-api/party/v4/organization/";

    static RelatedPartyView owner(DocumentOwner owner) {
        return switch (owner.type()) {
            case PARTNER -> new RelatedPartyView(owner.id().toString(), ORGANIZATION_PATH + owner.id(), "owner",
                    "Organization");
            case APPLICATION -> new RelatedPartyView(owner.id().toString(), null, "applicant", "PartnerApplication");
        };
    }
}
