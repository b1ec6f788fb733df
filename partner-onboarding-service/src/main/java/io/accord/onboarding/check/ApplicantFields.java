package io.accord.onboarding.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The applicant's text fields by the names the configuration uses ({@code legalName}, {@code technical.phone},
 * {@code registeredAddress.postalCode}…), so required fields can be configured per partner type.
 */
final class ApplicantFields {

    static final Map<String, Function<ApplicantData, String>> ALL = all();

    private ApplicantFields() {
    }

    static Optional<String> value(ApplicantData data, String field) {
        return Optional.ofNullable(ALL.get(field).apply(data)).filter(value -> !value.isBlank());
    }

    /** Fails fast (at startup, when the configuration is bound) on a misspelt field name. */
    static void requireKnown(Iterable<String> fields, String property) {
        for (String field : fields) {
            if (!ALL.containsKey(field)) {
                throw new IllegalArgumentException(property + ": unknown applicant field '" + field
                        + "'; known fields: " + String.join(", ", ALL.keySet()));
            }
        }
    }

    private static Map<String, Function<ApplicantData, String>> all() {
        Map<String, Function<ApplicantData, String>> fields = new LinkedHashMap<>();
        fields.put("legalName", ApplicantData::legalName);
        fields.put("tradingName", ApplicantData::tradingName);
        fields.put("country", ApplicantData::country);
        fields.put("taxId", ApplicantData::taxId);
        address(fields, "registeredAddress", ApplicantData::registeredAddress);
        contact(fields, "commercial", ApplicantData::commercial);
        contact(fields, "technical", ApplicantData::technical);
        contact(fields, "billing", ApplicantData::billing);
        fields.put("iban", ApplicantData::iban);
        fields.put("bic", ApplicantData::bic);
        fields.put("settlementCurrency", ApplicantData::settlementCurrency);
        return Collections.unmodifiableMap(fields);
    }

    private static void address(Map<String, Function<ApplicantData, String>> fields, String name,
                                Function<ApplicantData, Address> address) {
        fields.put(name + ".line1", part(address, Address::line1));
        fields.put(name + ".line2", part(address, Address::line2));
        fields.put(name + ".city", part(address, Address::city));
        fields.put(name + ".postalCode", part(address, Address::postalCode));
        fields.put(name + ".country", part(address, Address::country));
    }

    private static void contact(Map<String, Function<ApplicantData, String>> fields, String name,
                                Function<ApplicantData, Contact> contact) {
        fields.put(name + ".name", part(contact, Contact::name));
        fields.put(name + ".email", part(contact, Contact::email));
        fields.put(name + ".phone", part(contact, Contact::phone));
    }

    private static <T> Function<ApplicantData, String> part(Function<ApplicantData, T> whole,
                                                            Function<T, String> field) {
        return data -> Optional.ofNullable(whole.apply(data)).map(field).orElse(null);
    }
}
