package io.accord.orchestration.activation;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Self-care: a partner registers how it is asked to activate, and rotates its webhook secret. */
@RestController
@Tag(name = "Partner activation endpoints")
class PartnerEndpointController {

    static final String MAY_MANAGE = "hasRole('" + Roles.PARTNER_ADMIN + "')";

    private final PartnerEndpoints endpoints;

    PartnerEndpointController(PartnerEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping(EndpointResources.PATH)
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "registerPartnerEndpoint", summary = "Register (or change) your activation mode: "
            + "WEBHOOK (https URL; a signing secret is generated and shown in this answer only), EVENT or AUTO")
    @RequestExample("orchestration/partner-endpoint.json")
    ResponseEntity<EndpointResources.Endpoint> register(
            @Valid @RequestBody EndpointResources.RegisterEndpoint request) {
        PartnerEndpoints.Registration registration = endpoints.register(request.mode(), request.url());
        EndpointResources.Endpoint body = EndpointResources.Endpoint.of(registration.endpoint(),
                registration.secret());
        return registration.created() ? ResponseEntity.created(URI.create(body.href())).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping(EndpointResources.ITEM)
    @Operation(operationId = "retrievePartnerEndpoint",
            summary = "A partner's activation endpoint (AUTO when it registered none); never its secret")
    EndpointResources.Endpoint get(@PathVariable String partnerId) {
        return EndpointResources.Endpoint.of(endpoints.get(partner(partnerId)));
    }

    @GetMapping(EndpointResources.PATH)
    @Operation(operationId = "listPartnerEndpoints",
            summary = "Activation endpoints (a partner sees its own), paged by offset and limit")
    ResponseEntity<List<EndpointResources.Endpoint>> list(@RequestParam(required = false) Integer offset,
                                                         @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(endpoints.list(OffsetLimit.of(offset, limit, Sort.by("partnerId"))),
                EndpointResources.Endpoint::of);
    }

    @PostMapping(EndpointResources.ROTATE)
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "rotatePartnerEndpointSecret", summary = "Replace your webhook's signing secret: the "
            + "new one is shown in this answer only, the old one is invalid at once")
    EndpointResources.Endpoint rotate(@PathVariable String partnerId) {
        PartnerEndpoints.Registration rotated = endpoints.rotateSecret(partner(partnerId));
        return EndpointResources.Endpoint.of(rotated.endpoint(), rotated.secret());
    }

    /** An id of any other shape names no partner: 404, like one the caller may not see. */
    static PartnerId partner(String partnerId) {
        try {
            return new PartnerId(UUID.fromString(partnerId));
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("Partner endpoint", partnerId);
        }
    }
}
