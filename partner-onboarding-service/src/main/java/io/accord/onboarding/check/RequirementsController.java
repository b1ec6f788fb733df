package io.accord.onboarding.check;

import io.accord.onboarding.partner.PartnerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the automated checks {@code mandatory-data} and {@code documents} require of an application of each partner
 * type, from the live configuration ({@code accord.onboarding.checks.*}): public like the rest of the applicant's
 * side (no account, no tracking secret), so a form can ask for them before the application is submitted rather than
 * keep a copy that drifts from what onboarding is configured to check.
 */
@RestController
@Tag(name = "Partner applications")
class RequirementsController {

    static final String PATH = "/api/onboarding/applications/requirements";

    private final CheckProperties properties;

    RequirementsController(CheckProperties properties) {
        this.properties = properties;
    }

    @GetMapping(PATH)
    @Operation(operationId = "listApplicationRequirements",
            summary = "What the automated checks require of an application, per partner type (no account needed): "
                    + "fields by their JSON paths in the application, as the check reasons name them, and document "
                    + "types to attach; partnerType and businessModel are always required")
    List<Requirements> requirements() {
        return Arrays.stream(PartnerType.values()).map(this::of).toList();
    }

    private Requirements of(PartnerType type) {
        // the same union, in the same order, as MandatoryDataCheck and DocumentsCheck
        Set<String> fields = new LinkedHashSet<>(properties.commonRequiredFields());
        fields.addAll(properties.requiredFields().getOrDefault(type, List.of()));
        Set<String> documents = new TreeSet<>(properties.commonRequiredDocuments());
        documents.addAll(properties.requiredDocuments().getOrDefault(type, List.of()));
        return new Requirements(type, List.copyOf(fields), List.copyOf(documents));
    }

    /**
     * What an application of one partner type needs for its checks to pass.
     *
     * @param partnerType the partner type applied for
     * @param fields      the applicant fields required, by their JSON paths ({@code registeredAddress.city}), common
     *                    ones first
     * @param documents   the document types to attach, alphabetically
     */
    record Requirements(PartnerType partnerType, List<String> fields, List<String> documents) {
    }
}
