package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** TMF632 request bodies for organizations (create, and the changeable part a merge patch produces). */
final class OrganizationRequests {

    private OrganizationRequests() {
    }

    /**
     * {@code Organization_Create}: {@code name} is the legal name, {@code organizationType} the partner type; the
     * business model, settlement currency and (unless a postal address gives it) the country are
     * {@code partyCharacteristic}s; a {@code taxId} {@code organizationIdentification} is the tax id.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "creditRating", "existsDuring",
            "isHeadOffice", "nameType", "organizationChildRelationship", "organizationParentRelationship",
            "otherName", "relatedParty", "status", "taxExemptionCertificate"})
    record CreateOrganization(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String tradingName,
            @NotNull PartnerType organizationType,
            Boolean isLegalEntity,
            @Valid @Size(max = 20) List<@NotNull @Valid ContactMediumInput> contactMedium,
            @Valid @Size(max = 20) List<@NotNull @Valid CharacteristicInput> partyCharacteristic,
            @Valid @Size(max = 5) List<@NotNull @Valid IdentificationInput> organizationIdentification,
            @Valid @Size(max = 20) List<@NotNull @Valid ExternalReference> externalReference) {
    }

    /**
     * What a merge patch may change: the trading name, the contact media and (staff only) the tax id as the
     * {@code taxId} organization identification (a list is replaced whole).
     */
    record ChangeOrganization(@Size(max = 200) String tradingName,
                              @Valid @Size(max = 20) List<@NotNull @Valid ContactMediumInput> contactMedium,
                              @Valid @Size(max = 5) List<@NotNull @Valid IdentificationInput>
                                      organizationIdentification) {
    }

    /** {@code mediumType} email, phone or postalAddress; {@code characteristic.contactType} says whose. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "validFor"})
    record ContactMediumInput(@NotBlank String mediumType, Boolean preferred,
                              @NotNull @Valid MediumCharacteristicInput characteristic) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "faxNumber", "socialNetworkId",
            "stateOrProvince"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MediumCharacteristicInput(
            @Size(max = 40) String contactType,
            @Email @Size(max = 254) String emailAddress,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "must be a phone number") String phoneNumber,
            @Size(max = 200) String street1, @Size(max = 200) String street2, @Size(max = 100) String city,
            @Size(max = 20) String postCode,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    record CharacteristicInput(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String value,
                               String valueType) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "attachment", "issuingDate", "validFor"})
    record IdentificationInput(@NotBlank String identificationType,
                               @NotBlank @Size(max = 40) String identificationId, String issuingAuthority) {
    }
}
