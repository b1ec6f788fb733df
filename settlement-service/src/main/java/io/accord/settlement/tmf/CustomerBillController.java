package io.accord.settlement.tmf;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.accord.settlement.statement.Statements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TMF678 Customer Bill Management v4, read-only: statements as {@code customerBill}, their lines as
 * {@code appliedCustomerBillingRate}. Staff read every partner's, a partner its own (another's id: 404). Lists take
 * TMF attribute filters, {@code fields=}, {@code offset}/{@code limit} with {@code X-Total-Count}/{@code X-Result-Count};
 * {@code relatedParty.id} (the partner) and {@code bill.id} (the statement) are filtered in the database.
 */
@RestController
@Tag(name = "TMF678 customer bill")
class CustomerBillController {

    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";
    /** The most statements whose lines one rate list without {@code bill.id} reads. */
    static final int MAX_BILLS_FOR_RATES = 1_000;

    private static final AttributeFilter<Object> BILL_FILTER =
            AttributeFilter.<Object>of(CustomerBillResources.CustomerBill.class).alsoAccepts("relatedParty.id");
    private static final AttributeFilter<Object> RATE_FILTER =
            AttributeFilter.<Object>of(CustomerBillResources.AppliedCustomerBillingRate.class)
                    .alsoAccepts("bill.id", "relatedParty.id");

    private final Statements statements;
    private final CustomerBills bills;
    private final ResourceLists lists;

    CustomerBillController(Statements statements, CustomerBills bills, ResourceLists lists) {
        this.statements = statements;
        this.bills = bills;
        this.lists = lists;
    }

    @GetMapping(CustomerBillResources.BILLS)
    @ReadsQueryParameters
    @PreAuthorize(READERS)
    @Operation(operationId = "listCustomerBill", summary = "List statements as TMF678 customer bills, newest first "
            + "(a partner sees its own); attribute filters, fields=, offset/limit")
    ResponseEntity<List<CustomerBillResources.CustomerBill>> listBills(
            HttpServletRequest request,
            @Parameter(description = "the partner's id") @RequestParam(name = "relatedParty.id", required = false)
            String partnerId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        AttributeFilter.Criteria<Object> criteria = BILL_FILTER.criteria(request.getParameterMap());
        Statements.Filter filter = new Statements.Filter(uuid("relatedParty.id", partnerId), null, null, null, null);
        return lists.list(criteria, OffsetLimit.of(offset, limit, Sort.unsorted()),
                page -> statements.list(filter, page), bills::bill);
    }

    @GetMapping(CustomerBillResources.BILLS + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveCustomerBill", summary = "One statement as a TMF678 customer bill")
    CustomerBillResources.CustomerBill getBill(@PathVariable String id) {
        return visible(id).map(bills::bill).orElseThrow(() -> new NotFoundException("CustomerBill", id));
    }

    @GetMapping(CustomerBillResources.RATES)
    @ReadsQueryParameters
    @PreAuthorize(READERS)
    @Operation(operationId = "listAppliedCustomerBillingRate", summary = "List statement lines as TMF678 applied "
            + "customer billing rates (a partner sees its own); bill.id narrows to one statement")
    ResponseEntity<List<CustomerBillResources.AppliedCustomerBillingRate>> listRates(
            HttpServletRequest request,
            @Parameter(description = "the statement's id") @RequestParam(name = "bill.id", required = false)
            String billId,
            @Parameter(description = "the partner's id") @RequestParam(name = "relatedParty.id", required = false)
            String partnerId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        AttributeFilter.Criteria<Object> criteria = RATE_FILTER.criteria(request.getParameterMap());
        List<CustomerBillResources.AppliedCustomerBillingRate> rates = new ArrayList<>();
        if (billId != null && !billId.isBlank()) {
            visible(billId.strip()).ifPresent(statement -> rates.addAll(bills.rates(statement)));
        } else {
            Statements.Filter filter = new Statements.Filter(uuid("relatedParty.id", partnerId), null, null, null,
                    null);
            Page<Statements.View> page = statements.list(filter, OffsetLimit.of(0, OffsetLimit.MAX_LIMIT,
                    Sort.unsorted()));
            if (page.getTotalElements() > MAX_BILLS_FOR_RATES) {
                throw new InvalidInputException("bill.id", "Listing the lines of " + page.getTotalElements()
                        + " statements at once is refused (at most " + MAX_BILLS_FOR_RATES + "); filter by bill.id "
                        + "or relatedParty.id");
            }
            while (true) {
                page.getContent().forEach(statement -> rates.addAll(bills.rates(statement)));
                if (!page.hasNext()) {
                    break;
                }
                page = statements.list(filter, page.nextPageable());
            }
        }
        return lists.list(criteria, OffsetLimit.of(offset, limit, Sort.unsorted()), page -> OffsetLimit.slice(rates, page),
                rate -> rate);
    }

    @GetMapping(CustomerBillResources.RATES + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveAppliedCustomerBillingRate",
            summary = "One statement line as a TMF678 applied customer billing rate (id: statement id-line number)")
    CustomerBillResources.AppliedCustomerBillingRate getRate(@PathVariable String id) {
        int hyphen = id.lastIndexOf('-');
        if (hyphen < 1) {
            throw new NotFoundException("AppliedCustomerBillingRate", id);
        }
        String number = id.substring(hyphen + 1);
        return visible(id.substring(0, hyphen)).flatMap(statement -> bills.rates(statement).stream()
                        .filter(rate -> rate.id().equals(statement.id() + "-" + number)).findFirst())
                .orElseThrow(() -> new NotFoundException("AppliedCustomerBillingRate", id));
    }

    /** The statement, if the caller may see it and it is a bill: a discarded statement is none. */
    private Optional<Statements.View> visible(String id) {
        try {
            return statements.findVisible(UUID.fromString(id))
                    .filter(statement -> !"DISCARDED".equals(statement.state()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
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
}
