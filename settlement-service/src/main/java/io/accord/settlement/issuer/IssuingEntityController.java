package io.accord.settlement.issuer;

import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The issuers documents name: readable by every signed-in user (partners see who issues their documents). */
@RestController
@Tag(name = "Issuing entities")
class IssuingEntityController {

    static final String PATH = "/api/settlement/issuing-entities";
    private static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final IssuingEntities entities;

    IssuingEntityController(IssuingEntities entities) {
        this.entities = entities;
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listIssuingEntities",
            summary = "The CSP's legal entities that issue settlement documents, the default first")
    List<IssuingEntities.IssuingEntity> list() {
        return entities.all();
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveIssuingEntity", summary = "One issuing entity")
    IssuingEntities.IssuingEntity get(@PathVariable String id) {
        return entities.get(id);
    }
}
