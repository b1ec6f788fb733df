package io.accord.onboarding.check;

import io.accord.onboarding.partner.PartnerType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the automated checks require ({@code accord.onboarding.checks.*}). A partner type configured in a map
 * replaces that type's default; the types not mentioned keep theirs.
 *
 * @param commonRequiredFields    applicant fields every application needs (names as in {@link ApplicantFields})
 * @param requiredFields          extra fields per partner type
 * @param commonRequiredDocuments document types every application needs attached
 * @param requiredDocuments       extra document types per partner type
 * @param denylist                names on the denylist/sanctions list besides those staff manage in the table
 * @param screeningThreshold      Levenshtein similarity (0 to 1] from which a name counts as a denylist match
 */
@ConfigurationProperties("accord.onboarding.checks")
record CheckProperties(List<String> commonRequiredFields, Map<PartnerType, List<String>> requiredFields,
                       List<String> commonRequiredDocuments, Map<PartnerType, List<String>> requiredDocuments,
                       List<String> denylist, Double screeningThreshold) {

    static final List<String> DEFAULT_COMMON_FIELDS = List.of("legalName", "country", "taxId",
            "registeredAddress.street1", "registeredAddress.city", "contacts.commercial.name",
            "contacts.commercial.email", "contacts.billing.name", "contacts.billing.email", "bankAccount.iban",
            "settlementCurrency");
    /**
     * OTT/content partners sell to subscribers under a brand, which our bills show: a trading name. Partners whose
     * systems we integrate with (provisioning, number porting, device or API integration) need a technical
     * contact; MVNOs and carriers also a phone line for their operations centre. Carriers settle interconnect
     * internationally, where payments go by BIC. A carrier's licence is a document (CERTIFICATE), not a field.
     */
    static final Map<PartnerType, List<String>> DEFAULT_TYPE_FIELDS = Map.of(
            PartnerType.OTT_CONTENT, List.of("tradingName"),
            PartnerType.MVNO, List.of("contacts.technical.name", "contacts.technical.email",
                    "contacts.technical.phone"),
            PartnerType.IOT, List.of("contacts.technical.name", "contacts.technical.email"),
            PartnerType.ENTERPRISE_INTEGRATOR, List.of("contacts.technical.name", "contacts.technical.email"),
            PartnerType.CSP_CARRIER, List.of("contacts.technical.name", "contacts.technical.email",
                    "contacts.technical.phone", "bankAccount.bic"),
            PartnerType.RESELLER, List.of());
    static final List<String> DEFAULT_COMMON_DOCUMENTS = List.of("TAX_FORM", "BANK_PROOF");
    /** Carriers and MVNOs operate under a telecom licence or registration with their regulator. */
    static final Map<PartnerType, List<String>> DEFAULT_TYPE_DOCUMENTS = Map.of(
            PartnerType.CSP_CARRIER, List.of("CERTIFICATE"),
            PartnerType.MVNO, List.of("CERTIFICATE"));
    static final double DEFAULT_SCREENING_THRESHOLD = 0.9;

    CheckProperties {
        commonRequiredFields = commonRequiredFields == null ? DEFAULT_COMMON_FIELDS : List.copyOf(commonRequiredFields);
        requiredFields = merged(DEFAULT_TYPE_FIELDS, requiredFields);
        commonRequiredDocuments = commonRequiredDocuments == null ? DEFAULT_COMMON_DOCUMENTS
                : List.copyOf(commonRequiredDocuments);
        requiredDocuments = merged(DEFAULT_TYPE_DOCUMENTS, requiredDocuments);
        denylist = denylist == null ? List.of() : List.copyOf(denylist);
        screeningThreshold = screeningThreshold == null ? DEFAULT_SCREENING_THRESHOLD : screeningThreshold;
        ApplicantFields.requireKnown(commonRequiredFields, "accord.onboarding.checks.common-required-fields");
        requiredFields.forEach((type, fields) ->
                ApplicantFields.requireKnown(fields, "accord.onboarding.checks.required-fields." + type));
        if (!(screeningThreshold > 0 && screeningThreshold <= 1)) {
            throw new IllegalArgumentException("accord.onboarding.checks.screening-threshold must be in (0, 1], not "
                    + screeningThreshold);
        }
    }

    /** The defaults, as if nothing were configured. */
    static CheckProperties defaults() {
        return new CheckProperties(null, null, null, null, null, null);
    }

    private static Map<PartnerType, List<String>> merged(Map<PartnerType, List<String>> defaults,
                                                         Map<PartnerType, List<String>> configured) {
        Map<PartnerType, List<String>> merged = new EnumMap<>(PartnerType.class);
        merged.putAll(defaults);
        if (configured != null) {
            configured.forEach((type, values) -> merged.put(type, values == null ? List.of() : List.copyOf(values)));
        }
        return Map.copyOf(merged);
    }
}
