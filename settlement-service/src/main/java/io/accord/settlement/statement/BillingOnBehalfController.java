package io.accord.settlement.statement;

import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.settlement.usage.UsageSums;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Billing-on-behalf invoice data of a statement: what we billed each end customer in the partner's name during the
 * statement's period (its revenue-share usage, by the rated records' customer reference), paged by customer. Staff
 * read any statement's, a partner its own issued statements' (else 404).
 */
@RestController
@Tag(name = "Settlement statements")
class BillingOnBehalfController {

    private final Statements statements;
    private final UsageSums usage;

    BillingOnBehalfController(Statements statements, UsageSums usage) {
        this.statements = statements;
        this.usage = usage;
    }

    @GetMapping(StatementController.PATH + "/{id}/billing-on-behalf")
    @PreAuthorize(StatementController.READERS)
    @Operation(operationId = "listSettlementStatementBillingOnBehalf",
            summary = "Billing-on-behalf invoice data per end customer (customer reference): per offering × usage "
                    + "type the quantity, gross charge and records, and the customer's totals; paged by customer")
    ResponseEntity<List<UsageSums.CustomerSums>> customers(
            @PathVariable UUID id,
            @Parameter(description = "first customer (0-based), ordered by customer reference")
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Statements.View statement = statements.findVisible(id)
                .orElseThrow(() -> new NotFoundException("Statement", id));
        return PagedResponse.of(usage.customersOfPeriod(statement.periodId(),
                OffsetLimit.of(offset, limit, Sort.unsorted())), customer -> customer);
    }
}
