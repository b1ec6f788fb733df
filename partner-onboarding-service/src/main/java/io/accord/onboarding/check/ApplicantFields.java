package io.accord.onboarding.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The applicant's text fields by their JSON paths in the application request ({@code legalName},
 * {@code contacts.technical.phone}, {@code registeredAddress.postCode}, {@code bankAccount.iban}…): the names the
 * configuration uses, so required fields can be configured per partner type, and the names check reasons give.
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
        contact(fields, "contacts.commercial", ApplicantData::commercial);
        contact(fields, "contacts.technical", ApplicantData::technical);
        contact(fields, "contacts.billing", ApplicantData::billing);
        fields.put("bankAccount.iban", ApplicantData::iban);
        fields.put("bankAccount.bic", ApplicantData::bic);
        fields.put("bankAccount.accountNumber", ApplicantData::accountNumber);
        fields.put("bankAccount.bankCode", ApplicantData::bankCode);
        fields.put("settlementCurrency", ApplicantData::settlementCurrency);
        return Collections.unmodifiableMap(fields);
    }

    private static void address(Map<String, Function<ApplicantData, String>> fields, String name,
                                Function<ApplicantData, Address> address) {
        fields.put(name + ".street1", part(address, Address::line1));
        fields.put(name + ".street2", part(address, Address::line2));
        fields.put(name + ".city", part(address, Address::city));
        fields.put(name + ".postCode", part(address, Address::postalCode));
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
