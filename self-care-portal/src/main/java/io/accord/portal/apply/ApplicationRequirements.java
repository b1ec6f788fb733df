package io.accord.portal.apply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What onboarding's automated checks ({@code mandatory-data} and {@code documents}) require of an application of each
 * partner type, in the wizard's field names: the one place the portal mirrors them. Onboarding publishes them in no
 * API; these are its defaults ({@code accord.onboarding.checks.*}, partner-onboarding-service's
 * {@code check.CheckProperties}, docs/onboarding-checks.md). An application missing any of them fails those checks
 * and waits for a partner manager, so the form asks for them and the application's page names what is missing before
 * it is submitted. Onboarding configured otherwise still decides: its checks run on submission as always.
 */
final class ApplicationRequirements {

    /** Common to every partner type (onboarding's {@code common-required-fields}). */
    static final List<String> COMMON_FIELDS = List.of("legalName", "country", "taxId", "street1", "city",
            "commercialName", "commercialEmail", "billingName", "billingEmail", "iban", "settlementCurrency");
    /** Per partner type (onboarding's {@code required-fields}). */
    static final Map<String, List<String>> TYPE_FIELDS = Map.of(
            "OTT_CONTENT", List.of("tradingName"),
            "MVNO", List.of("technicalName", "technicalEmail", "technicalPhone"),
            "IOT", List.of("technicalName", "technicalEmail"),
            "ENTERPRISE_INTEGRATOR", List.of("technicalName", "technicalEmail"),
            "CSP_CARRIER", List.of("technicalName", "technicalEmail", "technicalPhone", "bic"),
            "RESELLER", List.of());
    /** Common to every partner type (onboarding's {@code common-required-documents}). */
    static final List<String> COMMON_DOCUMENTS = List.of("TAX_FORM", "BANK_PROOF");
    /** Per partner type (onboarding's {@code required-documents}). */
    static final Map<String, List<String>> TYPE_DOCUMENTS = Map.of(
            "CSP_CARRIER", List.of("CERTIFICATE"),
            "MVNO", List.of("CERTIFICATE"));

    static final ApplicationRequirements INSTANCE = new ApplicationRequirements();

    /** What an application still lacks: fields (the wizard's names) and document types. */
    record Missing(List<String> fields, List<String> documents) {

        public boolean any() {
            return !fields.isEmpty() || !documents.isEmpty();
        }
    }

    /** Whether the checks require this field of an application of this partner type (none chosen: common ones). */
    public boolean required(String field, String partnerType) {
        return COMMON_FIELDS.contains(field) || TYPE_FIELDS.getOrDefault(nz(partnerType), List.of()).contains(field);
    }

    /** The partner types that require this field besides the common ones (empty for a common or optional field). */
    public List<String> requiredFor(String field) {
        if (COMMON_FIELDS.contains(field)) {
            return List.of();
        }
        return ApplicationFormData.PARTNER_TYPES.stream()
                .filter(type -> TYPE_FIELDS.getOrDefault(type, List.of()).contains(field)).toList();
    }

    /** The same, as the value of the field's {@code data-required-for} (the form's script marks them). */
    public String requiredForAttribute(String field) {
        return String.join(" ", requiredFor(field));
    }

    /** The fields this partner type requires, common ones first. */
    static List<String> fields(String partnerType) {
        Set<String> fields = new LinkedHashSet<>(COMMON_FIELDS);
        fields.addAll(TYPE_FIELDS.getOrDefault(nz(partnerType), List.of()));
        return List.copyOf(fields);
    }

    /** The document types this partner type requires, in alphabetical order as onboarding names them. */
    static List<String> documents(String partnerType) {
        Set<String> documents = new TreeSet<>(COMMON_DOCUMENTS);
        documents.addAll(TYPE_DOCUMENTS.getOrDefault(nz(partnerType), List.of()));
        return List.copyOf(documents);
    }

    /** What this application lacks, given the document types attached to it. */
    static Missing missing(ApplicationFormData form, Collection<String> attachedDocumentTypes) {
        List<String> fields = new ArrayList<>();
        for (String field : fields(form.partnerType())) {
            if (form.value(field).isBlank()) {
                fields.add(field);
            }
        }
        List<String> documents = documents(form.partnerType()).stream()
                .filter(type -> !attachedDocumentTypes.contains(type)).toList();
        return new Missing(List.copyOf(fields), documents);
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
