package io.accord.onboarding.partner;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What a partner maintains itself: its contacts (and, with staff confirmation, its bank details). */
@RestController
@RequestMapping(PartnerController.PATH + "/{id}")
@Tag(name = "Partners")
class PartnerSelfCareController {

    private final PartnerService service;
    private final BankAccountDisclosure disclosure;

    PartnerSelfCareController(PartnerService service, BankAccountDisclosure disclosure) {
        this.service = service;
        this.disclosure = disclosure;
    }

    /**
     * With {@code If-Match} (the partner's ETag as last read): when someone changed the partner since, 412 and
     * nothing changed, so two people editing the contacts no longer overwrite each other.
     */
    @PutMapping("/contacts")
    @Operation(operationId = "replacePartnerContacts",
            summary = "Replace the commercial, technical and billing contacts (partner admin or staff); with"
                    + " If-Match, 412 and nothing changed unless it names the partner's current ETag")
    @RequestExample("onboarding/partner-contacts.json")
    ResponseEntity<PartnerView> contacts(@PathVariable UUID id, IfMatch ifMatch,
                                         @Valid @RequestBody PartnerRequests.Contacts request) {
        Partner changed = service.changeContacts(id,
                partner -> ifMatch.check(disclosure.entityTag(partner), "Partner " + id),
                request.commercial().toContact(), request.technical() == null ? null
                        : request.technical().toContact(), request.billing().toContact());
        return EntityTags.ok(disclosure.view(changed), disclosure.entityTag(changed));
    }
}
