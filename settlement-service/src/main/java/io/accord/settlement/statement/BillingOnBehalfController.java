package io.accord.settlement.statement;

import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.settlement.usage.UsageSums;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    private final StatementComposer composer;

    BillingOnBehalfController(Statements statements, UsageSums usage, StatementComposer composer) {
        this.statements = statements;
        this.usage = usage;
        this.composer = composer;
    }

    @GetMapping(StatementController.PATH + "/{id}/billing-on-behalf")
    @PreAuthorize(StatementController.READERS)
    @Operation(operationId = "listSettlementStatementBillingOnBehalf",
            summary = "Billing-on-behalf invoice data per end customer (customer reference): per offering (id and "
                    + "name) × usage type the quantity, gross charge and records, and the customer's totals; paged by "
                    + "customer")
    ResponseEntity<List<Customer>> customers(
            @PathVariable UUID id,
            @Parameter(description = "first customer (0-based), ordered by customer reference")
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Statements.View statement = statements.findVisible(id)
                .orElseThrow(() -> new NotFoundException("Statement", id));
        Page<UsageSums.CustomerSums> page = usage.customersOfPeriod(statement.periodId(),
                OffsetLimit.of(offset, limit, Sort.unsorted()));
        Map<String, String> names = composer.offeringNames(page.getContent().stream()
                .flatMap(customer -> customer.lines().stream()).map(UsageSums.CustomerLine::offeringId).toList());
        return PagedResponse.of(page, customer -> Customer.of(customer, names));
    }

    /** One end customer's billing in the partner's name, its lines naming their offering. */
    record Customer(String customerReference, List<UsageSums.CustomerTotal> totals,
                    List<UsageSums.TaxCategoryTotal> taxCategoryTotals, List<Line> lines) {

        static Customer of(UsageSums.CustomerSums sums, Map<String, String> names) {
            return new Customer(sums.customerReference(), sums.totals(), sums.taxCategoryTotals(),
                    sums.lines().stream().map(line -> new Line(line.offeringId(),
                            names.getOrDefault(line.offeringId(), line.offeringId()), line.usageType(),
                            line.taxCategory(), line.currency(), line.priorPeriod(), line.quantity(), line.charge(),
                            line.recordCount())).toList());
        }
    }

    /**
     * A customer's usage of an offering and usage type under one tax category.
     *
     * @param offeringName the offering's name as its products were ordered; its id when settlement knows no name
     */
    @Schema(name = "BillingOnBehalfLine")
    record Line(String offeringId, String offeringName, String usageType, String taxCategory, String currency,
                boolean priorPeriod, BigDecimal quantity, BigDecimal charge, long recordCount) {
    }
}
