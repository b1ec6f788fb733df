package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Statements: staff read any, partners their own; finance approves (not the preparer) and issues, or discards a wrong
 * draft.
 */
@RestController
@Tag(name = "Settlement statements")
class StatementController {

    static final String PATH = "/api/settlement/statements";
    static final String FINANCE = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final Statements statements;
    private final Tenancy tenancy;

    StatementController(Statements statements, Tenancy tenancy) {
        this.statements = statements;
        this.tenancy = tenancy;
    }

    /** @param reason why the statement is discarded (audited, kept with it) */
    @Schema(name = "StatementDiscard")
    record Discard(@NotBlank @Size(max = 1000) String reason) {
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementStatement", summary = "A statement with its lines (a partner: its own)")
    Statements.View get(@PathVariable UUID id) {
        return statements.findVisible(id).orElseThrow(() -> new NotFoundException("Statement", id));
    }

    @PostMapping(PATH + "/{id}/approval")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "approveSettlementStatement",
            summary = "Approve a drafted statement; its preparer, or the proposer of a dispute adjustment it carries, "
                    + "cannot (four-eyes, 409)")
    Statements.View approve(@PathVariable UUID id) {
        return statements.approve(id, tenancy.actor());
    }

    @PostMapping(PATH + "/{id}/issue")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "issueSettlementStatement",
            summary = "Issue an approved statement with the next gap-free document number; 409 fx-rate-superseded "
                    + "when its lines were converted at an FX rate a confirmed correction superseded (discard it and "
                    + "draft the period again)")
    Statements.View issue(@PathVariable UUID id) {
        return statements.issue(id);
    }

    @PostMapping(PATH + "/{id}/discard")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "discardSettlementStatement",
            summary = "Discard a DRAFT or APPROVED statement found wrong, with a reason (audited); finance only. Its "
                    + "dispute adjustments are pending again, and the period's next draft (the next run) is composed "
                    + "afresh. An ISSUED or PAID statement (correct it with a credit or debit note), one already "
                    + "discarded, or one of a partner with a statement of a later period: 409")
    @RequestExample("settlement/statement-discard.json")
    @ApiResponse(responseCode = "200", description = "The statement, DISCARDED, with who discarded it, when and why")
    Statements.View discard(@PathVariable UUID id, @Valid @RequestBody Discard request) {
        return statements.discard(id, request.reason(), tenancy.actor());
    }

    /**
     * Only finance approves, issues and discards (checked before anything else, and again by {@code @PreAuthorize}).
     */
    @Configuration(proxyBeanMethods = false)
    static class Rules {

        @Bean
        RequestAuthorization statementRules() {
            return requests -> requests.requestMatchers(HttpMethod.POST, PATH + "/**").hasRole(Roles.FINANCE);
        }
    }
}
