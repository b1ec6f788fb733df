package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Consent to co-creation: a partner named as co-creator of another partner's draft sees its invitation (the
 * offering's name, who proposed it, the shares proposed) and its partner admins accept or decline it.
 */
@RestController
@Tag(name = "Offering co-creation")
class CoCreationController {

    static final String PATH = ReviewController.OFFERINGS + "/{id}/co-creation";
    static final String DECISION = ReviewController.OFFERINGS + "/*/co-creation/decision";
    static final String ANSWERERS = "hasRole('" + Roles.PARTNER_ADMIN + "')";

    private final CoCreations coCreations;

    CoCreationController(CoCreations coCreations) {
        this.coCreations = coCreations;
    }

    /** A named co-creator's answer; a reason for declining is kept in the audit trail. */
    @Schema(name = "CoCreationDecision")
    record Decision(@NotNull Answer decision, @Size(max = 2000) String reason) {
        enum Answer { ACCEPT, DECLINE }
    }

    /**
     * An offering's co-creators: the offering ({@code name}, its owning partner, which proposed them, its status)
     * and each co-creator's proposed share and consent.
     */
    record CoCreation(String offeringId, String href, String name, UUID ownerPartnerId, String offeringStatus,
                      List<CoCreator> coCreators) {
    }

    /**
     * One co-creator: {@code consent} {@code PENDING} (named, not taking part yet) or {@code ACCEPTED};
     * {@code invitedBy} the user who named it with this share, {@code acceptedBy} the partner admin who accepted
     * (null: named by the CSP, or before consent was asked).
     */
    record CoCreator(UUID partnerId, BigDecimal sharePercent, String consent, String invitedBy, Instant invitedAt,
                     String acceptedBy, Instant acceptedAt) {
    }

    @GetMapping("/api/catalog/co-creation-invitations")
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "listCoCreationInvitations", summary = "The drafts naming the caller's partner as a "
            + "co-creator that it has not accepted yet (staff: every partner's), oldest first: the offering's name, "
            + "its owner and the shares proposed; the draft itself is shown only once accepted")
    ResponseEntity<List<CoCreation>> invitations(@RequestParam(required = false) Integer offset,
                                                 @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(coCreations.invitations(OffsetLimit.of(offset, limit, Sort.unsorted())),
                CoCreationController::view);
    }

    @GetMapping(PATH)
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "getCoCreation", summary = "An offering's co-creators with their proposed shares and "
            + "consent, for staff, the owning partner and each partner named on it (also while its invitation is "
            + "pending); any other partner gets 404")
    CoCreation coCreation(@PathVariable UUID id) {
        return view(coCreations.coCreation(id));
    }

    @PostMapping(PATH + "/decision")
    @PreAuthorize(ANSWERERS)
    @Operation(operationId = "decideCoCreation", summary = "Accept (take part, bound by the proposed share once the "
            + "offering launches) or decline (leave the draft) the caller's partner's invitation as co-creator of "
            + "another partner's draft; audited. 404 when the caller's partner is not named on it, 409 when it "
            + "accepted already or the offering is no longer a draft")
    @RequestExample("catalog/co-creation-decision.json")
    CoCreation decide(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return view(coCreations.decide(id, decision));
    }

    private static CoCreation view(ProductOffering o) {
        return new CoCreation(o.id().toString(), PATH.replace("{id}", o.id().toString()), o.name(), o.partnerId(),
                o.status().name(), o.coCreators().stream().map(p -> new CoCreator(p.partnerId(),
                        OfferingViews.plain(p.sharePercent().stripTrailingZeros()), p.consent().name(), p.invitedBy(), p.invitedAt(),
                        p.consentedBy(), p.consentedAt())).toList());
    }
}
