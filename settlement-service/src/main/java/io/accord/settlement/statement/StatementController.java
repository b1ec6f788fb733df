package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Statements: staff read any, partners their own; finance approves (not the preparer) and issues. */
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

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementStatement", summary = "A statement with its lines (a partner: its own)")
    Statements.View get(@PathVariable UUID id) {
        return statements.findVisible(id).orElseThrow(() -> new NotFoundException("Statement", id));
    }

    @PostMapping(PATH + "/{id}/approval")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "approveSettlementStatement",
            summary = "Approve a drafted statement; its preparer cannot (four-eyes, 409)")
    Statements.View approve(@PathVariable UUID id) {
        return statements.approve(id, tenancy.actor());
    }

    @PostMapping(PATH + "/{id}/issue")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "issueSettlementStatement",
            summary = "Issue an approved statement with the next gap-free document number")
    Statements.View issue(@PathVariable UUID id) {
        return statements.issue(id);
    }

    /** Only finance approves and issues (checked before anything else, and again by {@code @PreAuthorize}). */
    @Configuration(proxyBeanMethods = false)
    static class Rules {

        @Bean
        RequestAuthorization statementRules() {
            return requests -> requests.requestMatchers(HttpMethod.POST, PATH + "/**").hasRole(Roles.FINANCE);
        }
    }
}
