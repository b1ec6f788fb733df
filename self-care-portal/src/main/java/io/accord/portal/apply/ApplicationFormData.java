package io.accord.portal.apply;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The application form as the wizard's fields hold it (flat, as typed), and the onboarding service's nested
 * application JSON. Empty fields are left out. The form asks for what onboarding's checks require of the partner type
 * ({@link ApplicationRequirements}, as onboarding publishes them); the service checks everything again.
 */
record ApplicationFormData(String legalName, String tradingName, String partnerType, String businessModel,
                           String country, String taxId, String street1, String city, String postCode,
                           String commercialName, String commercialEmail, String commercialPhone,
                           String technicalName, String technicalEmail, String technicalPhone,
                           String billingName, String billingEmail, String iban, String bic,
                           String settlementCurrency) {

    static final java.util.List<String> PARTNER_TYPES = java.util.List.of("OTT_CONTENT", "MVNO", "IOT",
            "ENTERPRISE_INTEGRATOR", "CSP_CARRIER", "RESELLER");
    static final java.util.List<String> BUSINESS_MODELS = java.util.List.of("SELL_THROUGH", "RESELL", "CO_CREATE");
    static final java.util.List<String> DOCUMENT_TYPES = java.util.List.of("TAX_FORM", "BANK_PROOF", "CERTIFICATE",
            "CONTRACT", "IDENTITY", "OTHER");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static ApplicationFormData empty() {
        return new ApplicationFormData(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "EUR");
    }

    /** What the wizard checks before sending (the service checks everything again): field → message key. */
    Map<String, String> errors(ApplicationRequirements requirements) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "legalName", legalName);
        if (!PARTNER_TYPES.contains(blankToNull(partnerType) == null ? "" : partnerType)) {
            errors.put("partnerType", "apply.error.choose");
        }
        if (!BUSINESS_MODELS.contains(blankToNull(businessModel) == null ? "" : businessModel)) {
            errors.put("businessModel", "apply.error.choose");
        }
        if (blankToNull(country) == null || !upper(country).matches("[A-Z]{2}")) {
            errors.put("country", "apply.error.country");
        }
        if (blankToNull(settlementCurrency) == null || !upper(settlementCurrency).matches("[A-Z]{3}")) {
            errors.put("settlementCurrency", "apply.error.currency");
        }
        // what onboarding's checks require of this partner type: without it the application waits for a review
        for (String field : requirements.fields(partnerType)) {
            if (!errors.containsKey(field)) {
                require(errors, field, value(field));
            }
        }
        for (String email : java.util.List.of("commercialEmail", "technicalEmail", "billingEmail")) {
            if (!errors.containsKey(email) && !value(email).isBlank() && !EMAIL.matcher(value(email)).matches()) {
                errors.put(email, "apply.error.email");
            }
        }
        return errors;
    }

    /** A field by its name in the form, stripped ("" when empty). */
    String value(String field) {
        String value = switch (field) {
            case "legalName" -> legalName;
            case "tradingName" -> tradingName;
            case "partnerType" -> partnerType;
            case "businessModel" -> businessModel;
            case "country" -> country;
            case "taxId" -> taxId;
            case "street1" -> street1;
            case "city" -> city;
            case "postCode" -> postCode;
            case "commercialName" -> commercialName;
            case "commercialEmail" -> commercialEmail;
            case "commercialPhone" -> commercialPhone;
            case "technicalName" -> technicalName;
            case "technicalEmail" -> technicalEmail;
            case "technicalPhone" -> technicalPhone;
            case "billingName" -> billingName;
            case "billingEmail" -> billingEmail;
            case "iban" -> iban;
            case "bic" -> bic;
            case "settlementCurrency" -> settlementCurrency;
            default -> throw new IllegalArgumentException("no field " + field);
        };
        return value == null ? "" : value.strip();
    }

    /** The service's {@code ApplicationForm}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "legalName", legalName);
        put(json, "tradingName", tradingName);
        put(json, "partnerType", partnerType);
        put(json, "businessModel", businessModel);
        put(json, "country", upper(country));
        put(json, "taxId", taxId);
        Map<String, Object> address = new LinkedHashMap<>();
        put(address, "street1", street1);
        put(address, "city", city);
        put(address, "postCode", postCode);
        if (!address.isEmpty()) {
            json.put("registeredAddress", address);
        }
        Map<String, Object> contacts = new LinkedHashMap<>();
        contacts.put("commercial", contact(commercialName, commercialEmail, commercialPhone));
        Map<String, Object> technical = contact(technicalName, technicalEmail, technicalPhone);
        if (!technical.isEmpty()) {
            contacts.put("technical", technical);
        }
        Map<String, Object> billing = contact(billingName, billingEmail, null);
        if (!billing.isEmpty()) {
            contacts.put("billing", billing);
        }
        json.put("contacts", contacts);
        Map<String, Object> bank = new LinkedHashMap<>();
        put(bank, "iban", iban);
        put(bank, "bic", bic);
        if (!bank.isEmpty()) {
            json.put("bankAccount", bank);
        }
        put(json, "settlementCurrency", upper(settlementCurrency));
        return json;
    }

    /** The form of an application the service answered, to amend it. */
    static ApplicationFormData of(JsonNode form) {
        JsonNode address = form.path("registeredAddress");
        JsonNode contacts = form.path("contacts");
        return new ApplicationFormData(text(form, "legalName"), text(form, "tradingName"), text(form, "partnerType"),
                text(form, "businessModel"), text(form, "country"), text(form, "taxId"), text(address, "street1"),
                text(address, "city"), text(address, "postCode"), text(contacts.path("commercial"), "name"),
                text(contacts.path("commercial"), "email"), text(contacts.path("commercial"), "phone"),
                text(contacts.path("technical"), "name"), text(contacts.path("technical"), "email"),
                text(contacts.path("technical"), "phone"), text(contacts.path("billing"), "name"),
                text(contacts.path("billing"), "email"), text(form.path("bankAccount"), "iban"),
                text(form.path("bankAccount"), "bic"), text(form, "settlementCurrency"));
    }

    private static Map<String, Object> contact(String name, String email, String phone) {
        Map<String, Object> contact = new LinkedHashMap<>();
        put(contact, "name", name);
        put(contact, "email", email);
        put(contact, "phone", phone);
        return contact;
    }

    private static void require(Map<String, String> errors, String field, String value) {
        if (blankToNull(value) == null) {
            errors.put(field, "apply.error.required");
        }
    }

    private static void put(Map<String, Object> json, String field, String value) {
        String text = blankToNull(value);
        if (text != null) {
            json.put(field, text);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
