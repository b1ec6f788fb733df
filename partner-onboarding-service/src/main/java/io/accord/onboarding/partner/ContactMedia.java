package io.accord.onboarding.partner;

import io.accord.onboarding.partner.OrganizationRequests.ContactMediumInput;
import io.accord.onboarding.partner.OrganizationRequests.MediumCharacteristicInput;
import io.accord.platform.problem.InvalidInputException;

import java.util.List;
import java.util.Locale;

/**
 * An organization's TMF contact media as our partner's address and contacts: one {@code postalAddress} (the
 * registered address; its country, if given, is the partner's), and {@code email}/{@code phone} media whose
 * {@code characteristic.contactType} is commercial (the default), technical or billing. Contact names are not
 * part of TMF contact media; existing names are kept.
 */
record ContactMedia(PostalAddress address, String country, ContactPerson commercial, ContactPerson technical,
                    ContactPerson billing) {

    static final List<String> CONTACT_TYPES = List.of("commercial", "technical", "billing");

    static ContactMedia of(List<ContactMediumInput> media, ContactPerson commercial, ContactPerson technical,
                           ContactPerson billing) {
        PostalAddress address = null;
        String country = null;
        ContactPerson[] contacts = {blank(commercial), blank(technical), blank(billing)};
        for (int i = 0; media != null && i < media.size(); i++) {
            ContactMediumInput medium = media.get(i);
            MediumCharacteristicInput value = medium.characteristic();
            String field = "contactMedium[" + i + "]";
            switch (medium.mediumType().strip().toLowerCase(Locale.ROOT)) {
                case "postaladdress" -> {
                    if (address != null) {
                        throw new InvalidInputException(field, "only one postalAddress (the registered address)");
                    }
                    if (value.street1() == null || value.city() == null) {
                        throw new InvalidInputException(field + ".characteristic",
                                "a postalAddress needs street1 and city");
                    }
                    address = new PostalAddress(value.street1(), value.street2(), value.city(), value.postCode());
                    country = value.country();
                }
                case "email" -> {
                    int who = contactIndex(field, value.contactType());
                    require(field, "emailAddress", value.emailAddress());
                    contacts[who] = new ContactPerson(contacts[who].name(), value.emailAddress().strip(),
                            contacts[who].phone());
                }
                case "phone", "telephone", "mobile" -> {
                    int who = contactIndex(field, value.contactType());
                    require(field, "phoneNumber", value.phoneNumber());
                    contacts[who] = new ContactPerson(contacts[who].name(), contacts[who].email(),
                            value.phoneNumber().strip());
                }
                default -> throw new InvalidInputException(field + ".mediumType",
                        "mediumType must be postalAddress, email or phone");
            }
        }
        return new ContactMedia(address, country, empty(contacts[0]), empty(contacts[1]), empty(contacts[2]));
    }

    private static int contactIndex(String field, String contactType) {
        String type = contactType == null ? "commercial" : contactType.strip().toLowerCase(Locale.ROOT);
        int index = CONTACT_TYPES.indexOf(type);
        if (index < 0) {
            throw new InvalidInputException(field + ".characteristic.contactType",
                    "contactType must be one of " + String.join(", ", CONTACT_TYPES));
        }
        return index;
    }

    private static void require(String field, String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + ".characteristic." + attribute, attribute + " is required");
        }
    }

    /** The contact's name only: its email and phone come from the media given now. */
    private static ContactPerson blank(ContactPerson contact) {
        return new ContactPerson(contact == null ? null : contact.name(), null, null);
    }

    private static ContactPerson empty(ContactPerson contact) {
        return contact.name() == null && contact.email() == null && contact.phone() == null ? null : contact;
    }
}
