package io.accord.onboarding.check;

import io.accord.onboarding.partner.PartnerType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The document types every application needs, plus those of its partner type, are attached. */
final class DocumentsCheck {

    private final List<String> common;
    private final Map<PartnerType, List<String>> perType;

    DocumentsCheck(List<String> common, Map<PartnerType, List<String>> perType) {
        this.common = common;
        this.perType = perType;
    }

    CheckResult check(PartnerType type, Set<String> attachedDocumentTypes) {
        Set<String> attached = attachedDocumentTypes == null ? Set.of() : attachedDocumentTypes.stream()
                .filter(Objects::nonNull)
                .map(documentType -> documentType.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> required = new TreeSet<>(common);
        if (type != null) {
            required.addAll(perType.getOrDefault(type, List.of()));
        }
        List<String> missing = required.stream().filter(documentType -> !attached.contains(documentType)).toList();
        String forWhom = type == null ? "every application" : type + " applications";
        if (!missing.isEmpty()) {
            return CheckResult.failed(CheckNames.DOCUMENTS, ReasonCodes.DOCUMENTS_MISSING, "missing "
                    + String.join(", ", missing) + " (required for " + forWhom + ": " + String.join(", ", required)
                    + ")");
        }
        return CheckResult.passed(CheckNames.DOCUMENTS, required.isEmpty() ? ReasonCodes.DOCUMENTS_NONE_REQUIRED
                : ReasonCodes.DOCUMENTS_COMPLETE, required.isEmpty() ? "no documents required"
                : "all documents required for " + forWhom + " attached: " + String.join(", ", required));
    }
}
