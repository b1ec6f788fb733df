package io.accord.onboarding.partner;

import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Partners created with the normalised name and country, or the tax id, of an existing one: staff merge them
 * (the flagged partner is terminated with a reason naming the survivor; nothing moves) or dismiss the flag.
 */
@RestController
@RequestMapping(PartnerDuplicatesController.PATH)
@Tag(name = "Possible duplicate partners")
class PartnerDuplicatesController {

    static final String PATH = "/api/onboarding/admin/partner-duplicates";

    private final PartnerService service;
    private final BankAccountDisclosure disclosure;

    PartnerDuplicatesController(PartnerService service, BankAccountDisclosure disclosure) {
        this.service = service;
        this.disclosure = disclosure;
    }

    record Candidate(UUID id, String href, String legalName, String country, String taxId, PartnerStatus status) {

        static Candidate of(Partner partner) {
            return new Candidate(partner.id(), PartnerController.PATH + "/" + partner.id(), partner.legalName(),
                    partner.country(), partner.taxId(), partner.status());
        }
    }

    record PossibleDuplicate(UUID id, String href, String legalName, String country, String taxId,
                             PartnerStatus status, Instant createdAt, List<Candidate> possibleDuplicateOf) {
    }

    @GetMapping
    @Operation(operationId = "listPossibleDuplicatePartners",
            summary = "Partners flagged as possible duplicates of others, oldest first, with those others")
    List<PossibleDuplicate> list() {
        List<Partner> flagged = service.duplicates();
        Map<UUID, Partner> others = service.all(flagged.stream().flatMap(p -> p.possibleDuplicateOf().stream())
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Partner::id, Function.identity()));
        return flagged.stream().map(partner -> new PossibleDuplicate(partner.id(),
                PartnerController.PATH + "/" + partner.id(), partner.legalName(), partner.country(), partner.taxId(),
                partner.status(), partner.createdAt(), partner.possibleDuplicateOf().stream()
                        .map(others::get).filter(java.util.Objects::nonNull).map(Candidate::of).toList())).toList();
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(PartnerAuthorization.MANAGERS)
    @RequestExample("onboarding/partner-duplicate-merge.json")
    @Operation(operationId = "mergeDuplicatePartner",
            summary = "Merge: terminate the flagged partner with a reason naming the survivor (one of those it "
            + "is flagged against); nothing is moved")
    PartnerView merge(@PathVariable UUID id, @Valid @RequestBody PartnerRequests.Merge request) {
        return disclosure.view(service.mergeDuplicate(id, request.survivorId(), request.reason()));
    }

    @PostMapping("/{id}/dismissal")
    @PreAuthorize(PartnerAuthorization.MANAGERS)
    @RequestExample("onboarding/partner-duplicate-dismissal.json")
    @Operation(operationId = "dismissPossibleDuplicate",
            summary = "Dismiss: the partners are distinct; the flag is cleared")
    PartnerView dismiss(@PathVariable UUID id, @Valid @RequestBody PartnerRequests.Dismissal request) {
        return disclosure.view(service.dismissDuplicate(id, request.reason()));
    }
}
