package io.accord.onboarding.partner;

import io.accord.onboarding.partner.OrganizationRequests.CharacteristicInput;
import io.accord.onboarding.partner.OrganizationRequests.CreateOrganization;
import io.accord.onboarding.partner.OrganizationRequests.IdentificationInput;
import io.accord.platform.problem.InvalidInputException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a TMF632 organization maps onto our partner (docs/tmf-conformance.md):
 * {@code partyCharacteristic} {@code businessModel} and {@code settlementCurrency} are mandatory, {@code country}
 * too unless the {@code postalAddress} contact medium gives it; {@code accordStatus} is read-only and ignored.
 */
final class OrganizationMapping {

    static final String BUSINESS_MODEL = "businessModel";
    static final String SETTLEMENT_CURRENCY = "settlementCurrency";
    static final String COUNTRY = "country";
    static final String ACCORD_STATUS = "accordStatus";
    static final String TAX_ID = "taxId";
    /** Create only: why the new partner may share its tax id with another partner (see PartnerService). */
    static final String SHARED_TAX_ID_REASON = "sharedTaxIdReason";
    private static final Set<String> CHARACTERISTICS = Set.of(BUSINESS_MODEL, SETTLEMENT_CURRENCY, COUNTRY,
            ACCORD_STATUS, SHARED_TAX_ID_REASON);

    private OrganizationMapping() {
    }

    static PartnerProfile profile(CreateOrganization request) {
        Map<String, String> characteristics = characteristics(request.partyCharacteristic());
        BusinessModel model = businessModel(required(characteristics, BUSINESS_MODEL));
        String currency = required(characteristics, SETTLEMENT_CURRENCY);
        ContactMedia media = ContactMedia.of(request.contactMedium(), null, null, null);
        String country = characteristics.getOrDefault(COUNTRY, media.country());
        if (country == null) {
            throw new InvalidInputException("partyCharacteristic." + COUNTRY, "the country is required: a "
                    + "partyCharacteristic named country, or the country of the postalAddress contact medium");
        }
        if (media.country() != null && !media.country().equals(country)) {
            throw new InvalidInputException("contactMedium.characteristic.country",
                    "the postal address is in " + media.country() + " but the partner's country is " + country);
        }
        return new PartnerProfile(request.name().strip(), blankToNull(request.tradingName()),
                request.organizationType(), model, country, taxId(request.organizationIdentification()),
                media.address(), media.commercial(), media.technical(), media.billing(), null, currency);
    }

    /** The {@code sharedTaxIdReason} characteristic of a create, or {@code null}. */
    static String sharedTaxIdReason(CreateOrganization request) {
        return blankToNull(characteristics(request.partyCharacteristic()).get(SHARED_TAX_ID_REASON));
    }

    private static Map<String, String> characteristics(List<CharacteristicInput> given) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            CharacteristicInput characteristic = given.get(i);
            String name = characteristic.name().strip();
            if (!CHARACTERISTICS.contains(name)) {
                throw new InvalidInputException("partyCharacteristic[" + i + "].name", "unknown characteristic '"
                        + name + "'; known: " + BUSINESS_MODEL + ", " + SETTLEMENT_CURRENCY + ", " + COUNTRY + ", "
                        + SHARED_TAX_ID_REASON);
            }
            if (byName.put(name, characteristic.value().strip()) != null) {
                throw new InvalidInputException("partyCharacteristic[" + i + "].name", "'" + name + "' is given twice");
            }
        }
        byName.remove(ACCORD_STATUS);
        return byName;
    }

    private static String required(Map<String, String> characteristics, String name) {
        String value = characteristics.get(name);
        if (value == null) {
            throw new InvalidInputException("partyCharacteristic." + name,
                    "a partyCharacteristic named " + name + " is required");
        }
        return value;
    }

    private static BusinessModel businessModel(String value) {
        try {
            return BusinessModel.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("partyCharacteristic." + BUSINESS_MODEL, "businessModel must be one of "
                    + Arrays.stream(BusinessModel.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** The tax id of the organization's {@code taxId} identification, or {@code null} without one. */
    static String taxId(List<IdentificationInput> identifications) {
        String taxId = null;
        for (int i = 0; identifications != null && i < identifications.size(); i++) {
            IdentificationInput identification = identifications.get(i);
            if (!TAX_ID.equals(identification.identificationType().strip()) || taxId != null) {
                throw new InvalidInputException("organizationIdentification[" + i + "].identificationType",
                        "one organizationIdentification of type taxId is accepted");
            }
            taxId = identification.identificationId().strip();
        }
        return taxId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
