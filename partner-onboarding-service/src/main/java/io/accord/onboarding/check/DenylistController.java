package io.accord.onboarding.check;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The staff-managed denylist that application screening uses besides the configured names. */
@RestController
@RequestMapping(DenylistController.PATH)
@Tag(name = "Denylist")
class DenylistController {

    static final String PATH = "/api/onboarding/admin/denylist";
    static final String READERS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.AUDITOR + "')";
    static final String MANAGERS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "')";

    private final DenylistService service;

    DenylistController(DenylistService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(operationId = "addDenylistEntry",
            summary = "Put a name on the denylist (applications matching it go to review)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/denylist-entry.json")
    ResponseEntity<DenylistEntryView> add(@Valid @RequestBody DenylistRequests.AddEntry request) {
        DenylistEntryView added = DenylistEntryView.of(service.add(request));
        return ResponseEntity.created(URI.create(added.href())).body(added);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listDenylistEntries",
            summary = "List the staff-managed denylist entries, paged by offset and limit")
    ResponseEntity<List<DenylistEntryView>> list(@RequestParam(required = false) Integer offset,
                                                 @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.list(OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"))),
                DenylistEntryView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getDenylistEntry", summary = "Read a denylist entry")
    DenylistEntryView get(@PathVariable UUID id) {
        return DenylistEntryView.of(service.get(id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(operationId = "removeDenylistEntry", summary = "Remove a name from the denylist")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        service.remove(id);
        return ResponseEntity.noContent().build();
    }
}
