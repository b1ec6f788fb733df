package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** GDPR Art. 17 for a rejected application, platform admins only (docs/personal-data.md). */
@RestController
@Tag(name = "Personal data")
class ApplicationErasureController {

    static final String ERASURE = ReviewController.PATH + "/{id}/contact-erasure";

    private final ApplicationErasure erasure;

    ApplicationErasureController(ApplicationErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping(ERASURE)
    @PreAuthorize("hasRole('" + Roles.PLATFORM_ADMIN + "')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "eraseApplicationContacts",
            summary = "Erase the personal data of a REJECTED application (its contacts' names, e-mails and phones,"
                    + " their names in the checks, its IDENTITY and OTHER documents; 204 for an EXPIRED one, erased"
                    + " already; 409 for any other status: an approved application's go with its partner's contacts);"
                    + " audited by field name")
    void erase(@PathVariable UUID id) {
        erasure.erase(id);
    }
}
