package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partner as a TMF632 {@code Organization}. Partner-specific facts (type, business model, settlement currency)
 * are {@code partyCharacteristic}s; the tax id is an {@code organizationIdentification}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record OrganizationResource(String id, String href, String name, String tradingName, String organizationType,
                            Boolean isLegalEntity, String status, List<ContactMedium> contactMedium,
                            List<Characteristic> partyCharacteristic,
                            List<Identification> organizationIdentification,
                            List<ExternalReference> externalReference,
                            @JsonProperty("@type") String type) {

    static final String PATH = "/tmf-api/party/v4/organization";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContactMedium(String mediumType, Boolean preferred, MediumCharacteristic characteristic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MediumCharacteristic(String contactType, String emailAddress, String phoneNumber, String street1,
                                String street2, String city, String postCode, String country) {
    }

    record Characteristic(String name, String value, String valueType) {
    }

    record Identification(String identificationType, String identificationId, String issuingAuthority) {
    }

    static OrganizationResource of(Partner partner) {
        return new OrganizationResource(partner.id().toString(), PATH + "/" + partner.id(), partner.legalName(),
                partner.tradingName(), partner.partnerType().name(), true, tmfStatus(partner.status()),
                contactMedia(partner),
                java.util.stream.Stream.of(
                        new Characteristic("businessModel", partner.businessModel().name(), "string"),
                        new Characteristic("settlementCurrency", partner.settlementCurrency(), "string"),
                        new Characteristic("country", partner.country(), "string"),
                        new Characteristic("accordStatus", partner.status().name(), "string"),
                        possibleDuplicates(partner)).filter(java.util.Objects::nonNull).toList(),
                partner.taxId() == null ? List.of()
                        : List.of(new Identification("taxId", partner.taxId(), partner.country())),
                partner.externalReference(), "Organization");
    }

    /** TMF632 organization states: validated (in business), closed (no longer). */
    /** Other organizations this one may duplicate (ids, comma-separated); staff merge or dismiss. */
    private static Characteristic possibleDuplicates(Partner partner) {
        return partner.possibleDuplicateOf().isEmpty() ? null : new Characteristic("possibleDuplicateOf",
                partner.possibleDuplicateOf().stream().map(UUID::toString)
                        .collect(java.util.stream.Collectors.joining(",")), "string");
    }

    static String tmfStatus(PartnerStatus status) {
        return switch (status) {
            case ACTIVE -> "validated";
            case SUSPENDED -> "suspended";
            case TERMINATED -> "closed";
        };
    }

    private static List<ContactMedium> contactMedia(Partner partner) {
        List<ContactMedium> media = new ArrayList<>();
        PostalAddress address = partner.address();
        if (address != null) {
            media.add(new ContactMedium("postalAddress", true, new MediumCharacteristic("registered", null, null,
                    address.street1(), address.street2(), address.city(), address.postCode(), partner.country())));
        }
        addContact(media, "commercial", partner.commercial());
        addContact(media, "technical", partner.technical());
        addContact(media, "billing", partner.billing());
        return media;
    }

    private static void addContact(List<ContactMedium> media, String type, ContactPerson contact) {
        if (contact == null) {
            return;
        }
        if (contact.email() != null) {
            media.add(new ContactMedium("email", "commercial".equals(type),
                    new MediumCharacteristic(type, contact.email(), null, null, null, null, null, null)));
        }
        if (contact.phone() != null) {
            media.add(new ContactMedium("phone", false,
                    new MediumCharacteristic(type, null, contact.phone(), null, null, null, null, null)));
        }
    }
}
