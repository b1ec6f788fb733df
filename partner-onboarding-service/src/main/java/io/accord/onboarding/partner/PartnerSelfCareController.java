package io.accord.onboarding.partner;

import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

    @PutMapping("/contacts")
    @Operation(operationId = "replacePartnerContacts",
            summary = "Replace the commercial, technical and billing contacts (partner admin or staff)")
    @RequestExample("onboarding/partner-contacts.json")
    PartnerView contacts(@PathVariable UUID id, @Valid @RequestBody PartnerRequests.Contacts request) {
        return disclosure.view(service.changeContacts(id, request.commercial().toContact(),
                request.technical() == null ? null : request.technical().toContact(),
                request.billing().toContact()));
    }
}
