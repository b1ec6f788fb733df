package io.accord.settlement.note;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.platform.web.PlainDecimal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Credit and debit notes: finance drafts, approves (not the preparer), issues or withdraws (before issue); staff and
 * the partner read.
 */
@RestController
@Tag(name = "Settlement credit and debit notes")
class NoteController {

    static final String PATH = "/api/settlement/notes";
    static final String FINANCE = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final CorrectionNotes notes;
    private final Tenancy tenancy;

    NoteController(CorrectionNotes notes, Tenancy tenancy) {
        this.notes = notes;
        this.tenancy = tenancy;
    }

    /**
     * @param type   CREDIT_NOTE (in the partner's favour) or DEBIT_NOTE
     * @param reason printed on the note
     */
    record DraftNote(@NotBlank String type, @NotBlank @Size(max = 1000) String reason,
                     @NotEmpty @Size(max = 100) List<@Valid @NotNull NoteLine> lines) {
    }

    /**
     * @param amount              positive plain decimal (no exponent), at most the currency's minor unit
     * @param statementLineNumber the statement line it corrects (optional)
     */
    record NoteLine(@NotBlank @Size(max = 500) String label,
                    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 6)
                    @JsonDeserialize(using = PlainDecimal.Amount.class) BigDecimal amount,
                    Integer statementLineNumber) {
    }

    /** @param reason why the note is withdrawn (audited) */
    record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/settlement/statements/{id}/notes")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "draftSettlementNote",
            summary = "Draft a credit or debit note correcting an issued statement → 201 + Location; finance only. "
                    + "More than the statement (line or total) may still be corrected by, after earlier notes: 422")
    @RequestExample("settlement/credit-note.json")
    @ApiResponse(responseCode = "201", description = "The drafted note; Location: the note")
    ResponseEntity<CorrectionNotes.View> draft(@PathVariable UUID id, @Valid @RequestBody DraftNote request) {
        CorrectionNotes.View note = notes.draft(id, request.type(), request.reason(), request.lines().stream()
                .map(line -> new CorrectionNotes.DraftLine(line.label(), line.amount(), line.statementLineNumber()))
                .toList(), tenancy.actor());
        return ResponseEntity.created(URI.create(PATH + "/" + note.id())).body(note);
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementNotes",
            summary = "List credit and debit notes, newest first (a partner sees its own), paged by offset and limit")
    ResponseEntity<List<CorrectionNotes.View>> list(
            @Parameter(description = "only this partner's") @RequestParam(required = false) String partnerId,
            @Parameter(description = "only notes correcting this statement")
            @RequestParam(required = false) String statementId,
            @Parameter(description = "DRAFT, APPROVED, ISSUED or WITHDRAWN") @RequestParam(required = false)
            String state,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(notes.list(uuid("partnerId", partnerId), uuid("statementId", statementId),
                state(state), OffsetLimit.of(offset, limit, Sort.unsorted())), note -> note);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementNote", summary = "One credit or debit note (a partner: its own)")
    CorrectionNotes.View get(@PathVariable UUID id) {
        return notes.find(id).orElseThrow(() -> new NotFoundException("Note", id));
    }

    @PostMapping(PATH + "/{id}/approval")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "approveSettlementNote",
            summary = "Approve a drafted note; finance only. Its preparer, or the proposer of the dispute resolution "
                    + "it carries, cannot (four-eyes, 409); a note on a self-billed statement while the partner's "
                    + "tax id is unknown is refused too (409, as PARTNER_TAX_ID_MISSING)")
    CorrectionNotes.View approve(@PathVariable UUID id) {
        return notes.approve(id, tenancy.actor());
    }

    @PostMapping(PATH + "/{id}/issue")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "issueSettlementNote",
            summary = "Issue an approved note with the next gap-free number of the statement's issuing entity; it changes "
                    + "the statement's balance (a credit note +, a debit note −): a statement it brings to 0 is PAID, "
                    + "a PAID one it leaves non-zero is ISSUED again; finance only. A note on a self-billed statement "
                    + "while the partner's tax id is unknown: 409")
    CorrectionNotes.View issue(@PathVariable UUID id) {
        return notes.issue(id);
    }

    @PostMapping(PATH + "/{id}/withdrawal")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "withdrawSettlementNote",
            summary = "Withdraw a DRAFT or APPROVED note, with a reason (audited); finance only. It is never issued "
                    + "and no longer counts against the statement; an issued note (correct it with another note) or "
                    + "one settling a dispute adjustment: 409")
    @RequestExample("settlement/note-withdrawal.json")
    CorrectionNotes.View withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal request) {
        return notes.withdraw(id, request.reason(), tenancy.actor());
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(field, field + " must be a UUID, was '" + value + "'");
        }
    }

    private static String state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CorrectionNote.State.valueOf(value.strip()).name();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "state must be one of DRAFT, APPROVED, ISSUED, WITHDRAWN, was '"
                    + value + "'");
        }
    }

    /** Only finance changes notes (checked before anything else, and again by {@code @PreAuthorize}). */
    @Configuration(proxyBeanMethods = false)
    static class Rules {

        @Bean
        RequestAuthorization noteRules() {
            return requests -> requests.requestMatchers(HttpMethod.POST, PATH + "/**").hasRole(Roles.FINANCE);
        }
    }
}
