package io.accord.portal.apply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * What onboarding's automated checks ({@code mandatory-data} and {@code documents}) require of an application of each
 * partner type, in the wizard's field names, as onboarding publishes them from its configuration
 * ({@code GET /api/onboarding/applications/requirements}, read by {@link OnboardingRequirements}). An application
 * missing any of them fails those checks and waits for a partner manager, so the form asks for them and the
 * application's page names what is missing before it is submitted. The checks still decide: they run on submission.
 * {@link #NONE} (onboarding not answering) marks nothing and finds nothing missing.
 */
final class ApplicationRequirements {

    /**
     * The portal's own part: onboarding names fields by their JSON paths in the application, the wizard by its
     * flat field names. A required path the wizard has no field for (e.g. {@code registeredAddress.street2}) is
     * left out: the wizard cannot ask for it, and the checks name it after submission.
     */
    static final Map<String, String> WIZARD_FIELDS = wizardFields();

    /** What the wizard itself insists on ({@link ApplicationFormData#errors}), whatever onboarding answers. */
    static final List<String> WIZARD_REQUIRED = List.of("legalName", "country", "settlementCurrency");

    static final ApplicationRequirements NONE = new ApplicationRequirements(Map.of());

    private final Map<String, Required> byType;
    private final Required common;

    /** What one partner type requires: wizard field names (common ones first) and document types. */
    private record Required(List<String> fields, List<String> documents) {
    }

    /** What an application still lacks: fields (the wizard's names) and document types. */
    record Missing(List<String> fields, List<String> documents) {

        public boolean any() {
            return !fields.isEmpty() || !documents.isEmpty();
        }
    }

    private ApplicationRequirements(Map<String, Required> byType) {
        this.byType = byType;
        this.common = byType.isEmpty() ? new Required(List.of(), List.of())
                : new Required(shared(byType, Required::fields), shared(byType, Required::documents));
    }

    /** Onboarding's answer: a list of {@code {partnerType, fields: [JSON path…], documents: [type…]}}. */
    static ApplicationRequirements of(JsonNode answer) {
        Map<String, Required> byType = new LinkedHashMap<>();
        answer.forEach(requirements -> {
            List<String> fields = new ArrayList<>();
            requirements.path("fields").forEach(path -> {
                String field = WIZARD_FIELDS.get(path.asString(""));
                if (field != null && !fields.contains(field)) {
                    fields.add(field);
                }
            });
            Set<String> documents = new TreeSet<>();
            requirements.path("documents").forEach(type -> documents.add(type.asString("")));
            byType.put(requirements.path("partnerType").asString(""),
                    new Required(List.copyOf(fields), List.copyOf(documents)));
        });
        return new ApplicationRequirements(Map.copyOf(byType));
    }

    /** Whether the wizard or the checks require this field of an application of this partner type (none chosen: common ones). */
    public boolean required(String field, String partnerType) {
        return WIZARD_REQUIRED.contains(field) || fields(partnerType).contains(field);
    }

    /** The partner types that require this field besides the common ones (empty for a common or optional field). */
    public List<String> requiredFor(String field) {
        if (common.fields().contains(field)) {
            return List.of();
        }
        return ApplicationFormData.PARTNER_TYPES.stream()
                .filter(type -> byType.containsKey(type) && byType.get(type).fields().contains(field)).toList();
    }

    /** The same, as the value of the field's {@code data-required-for} (the form's script marks them). */
    public String requiredForAttribute(String field) {
        return String.join(" ", requiredFor(field));
    }

    /** The document types every partner type requires, alphabetically. */
    public List<String> commonDocuments() {
        return common.documents();
    }

    /** Per partner type (in the wizard's order), the document types it requires besides the common ones. */
    public Map<String, List<String>> extraDocuments() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (String type : ApplicationFormData.PARTNER_TYPES) {
            List<String> documents = byType.containsKey(type) ? byType.get(type).documents().stream()
                    .filter(document -> !common.documents().contains(document)).toList() : List.of();
            if (!documents.isEmpty()) {
                extra.put(type, documents);
            }
        }
        return extra;
    }

    /** The fields this partner type requires, common ones first (no or an unknown type: those every type requires). */
    List<String> fields(String partnerType) {
        return of(partnerType).fields();
    }

    /** Whether onboarding named the requirements of this partner type (not so for no, an unknown or a new type). */
    public boolean knows(String partnerType) {
        return partnerType != null && byType.containsKey(partnerType.strip());
    }

    /** The document types this partner type requires, in alphabetical order as onboarding names them. */
    public List<String> documents(String partnerType) {
        return of(partnerType).documents();
    }

    /** What this application lacks, given the document types attached to it. */
    Missing missing(ApplicationFormData form, Collection<String> attachedDocumentTypes) {
        List<String> fields = fields(form.partnerType()).stream().filter(field -> form.value(field).isBlank())
                .toList();
        List<String> documents = documents(form.partnerType()).stream()
                .filter(type -> !attachedDocumentTypes.contains(type)).toList();
        return new Missing(fields, documents);
    }

    private Required of(String partnerType) {
        return byType.getOrDefault(partnerType == null ? "" : partnerType.strip(), common);
    }

    private static List<String> shared(Map<String, Required> byType,
                                       java.util.function.Function<Required, List<String>> part) {
        Set<String> shared = new LinkedHashSet<>(part.apply(byType.values().iterator().next()));
        byType.values().forEach(required -> shared.retainAll(part.apply(required)));
        return List.copyOf(shared);
    }

    private static Map<String, String> wizardFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("legalName", "tradingName", "country", "taxId", "settlementCurrency")) {
            fields.put(field, field);
        }
        fields.put("registeredAddress.street1", "street1");
        fields.put("registeredAddress.city", "city");
        fields.put("registeredAddress.postCode", "postCode");
        for (String contact : List.of("commercial", "technical", "billing")) {
            fields.put("contacts." + contact + ".name", contact + "Name");
            fields.put("contacts." + contact + ".email", contact + "Email");
        }
        fields.put("contacts.commercial.phone", "commercialPhone");
        fields.put("contacts.technical.phone", "technicalPhone");
        fields.put("bankAccount.iban", "iban");
        fields.put("bankAccount.bic", "bic");
        return Map.copyOf(fields);
    }
}
