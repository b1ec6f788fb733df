package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * GDPR for partner contacts, platform admins only (docs/personal-data.md): an access export (Art. 15) and the
 * erasure of a terminated partner's contacts (Art. 17; one individual: {@code DELETE} on the TMF632 individual).
 */
@RestController
@Tag(name = "Personal data")
class PersonalDataController {

    static final String EXPORT = "/api/onboarding/personal-data";
    static final String ERASURE = PartnerController.PATH + "/{id}/contact-erasure";
    static final String ADMINS = "hasRole('" + Roles.PLATFORM_ADMIN + "')";

    private final PersonalData data;
    private final ContactErasure erasure;

    PersonalDataController(PersonalData data, ContactErasure erasure) {
        this.data = data;
        this.erasure = erasure;
    }

    @GetMapping(EXPORT)
    @PreAuthorize(ADMINS)
    @Operation(operationId = "exportPersonalData",
            summary = "Everything stored about one contact person (by individualId or email): the individuals, the"
                    + " organizations' contact persons with that e-mail, in elsewhere its Keycloak accounts"
                    + " (keycloakUsers; 503 while Keycloak does not answer) and the applications naming it with their"
                    + " documents' metadata, and the ids of the audit entries naming them")
    PersonalData.Export export(@RequestParam(required = false) UUID individualId,
                               @RequestParam(required = false) String email) {
        return data.export(individualId, email);
    }

    @PostMapping(ERASURE)
    @PreAuthorize(ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "erasePartnerContacts",
            summary = "Erase the personal data of a TERMINATED partner's contacts (its organization's contact persons"
                    + " and its individuals, its application's contacts, its IDENTITY and OTHER documents, the"
                    + " uploaders of the others; its Keycloak users are deleted by the identity worker; 409 while it is"
                    + " not terminated); audited by field name")
    void erase(@PathVariable UUID id) {
        erasure.erase(id);
    }
}
