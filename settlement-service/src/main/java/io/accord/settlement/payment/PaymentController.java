package io.accord.settlement.payment;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.PlainDecimal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payments of issued statements: finance records them; staff and the statement's partner read them. */
@RestController
@Tag(name = "Settlement payments")
class PaymentController {

    static final String PATH = "/api/settlement/statements/{id}/payments";
    static final String FINANCE = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /**
     * @param amount    positive plain decimal (no exponent), at most the currency's minor unit
     * @param currency  the statement's currency (ISO 4217)
     * @param paidOn    the value date (ISO date, not in the future, nor before the statement's issue date in UTC)
     * @param reference the bank's reference (once per statement)
     * @param direction optional: who paid, as the caller understands it: {@code PAYABLE} (we paid the partner) or
     *                  {@code RECEIVABLE} (the partner paid us); another than the balance's (the statement's own,
     *                  unless issued notes turned it) is a 409. Absent: the balance's.
     */
    record RecordPayment(@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 6)
                         @JsonDeserialize(using = PlainDecimal.Amount.class) BigDecimal amount,
                         @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
                         @NotNull LocalDate paidOn,
                         @NotBlank @Size(max = 140) String reference,
                         @Pattern(regexp = "PAYABLE|RECEIVABLE", message = "must be PAYABLE (we paid the partner) "
                                 + "or RECEIVABLE (the partner paid us)") String direction) {
    }

    @PostMapping(PATH)
    @PreAuthorize(FINANCE)
    @Operation(operationId = "recordSettlementPayment",
            summary = "Record a (partial) payment of an issued statement against its balance (total + issued credit "
                    + "notes − issued debit notes − payments), in the balance's direction (PAYABLE: we paid the "
                    + "partner; RECEIVABLE: the partner paid us); PAID when the balance is 0; more than what remains "
                    + "422; a statement totalling zero, or a direction other than the balance's, 409; finance only")
    @RequestExample("settlement/payment.json")
    @ApiResponse(responseCode = "201", description = "The recorded payment; Location: the statement's payments")
    ResponseEntity<Payments.Payment> record(@PathVariable UUID id, @Valid @RequestBody RecordPayment request) {
        Payments.Payment payment = payments.record(id, request.amount(), request.currency(), request.paidOn(),
                request.reference().strip(), request.direction());
        return ResponseEntity.created(URI.create("/api/settlement/statements/" + id + "/payments")).body(payment);
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementPayments",
            summary = "The statement's payments, oldest first (a partner: its own statements')")
    List<Payments.Payment> list(@PathVariable UUID id) {
        return payments.ofStatement(id);
    }
}
