package io.accord.onboarding.partner;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * A partner changes where it is paid: the bank details get the same checks as an application's (IBAN of any
 * registry country, BIC fitting its country), the change is audited and waits for confirmation by another person
 * (four-eyes) that names the change it confirms; settlement keeps paying the confirmed account until then.
 */
@RestController
@RequestMapping(PartnerController.PATH + "/{id}/bank-account")
@Tag(name = "Partners")
class BankAccountController {

    private final PartnerService service;
    private final BankAccountDisclosure disclosure;

    BankAccountController(PartnerService service, BankAccountDisclosure disclosure) {
        this.service = service;
        this.disclosure = disclosure;
    }

    record ChangeRequest(@NotBlank @Size(max = 50) String iban, @NotBlank @Size(max = 20) String bic) {
    }

    /** What the confirmer reviewed: the change id (from {@code pending.changeId}) and, optionally, its IBAN. */
    record Confirmation(@NotNull UUID changeId, @Size(max = 50) String iban) {
    }

    /** Optionally the change rejected; when given it must be the waiting one. */
    record Rejection(UUID changeId) {
    }

    record BankAccountView(UUID partnerId, BankAccount confirmed, PartnerView.PendingBankAccount pending) {

        static BankAccountView of(Partner partner) {
            return new BankAccountView(partner.id(), partner.bankAccount(),
                    PartnerView.PendingBankAccount.of(partner.pendingBankAccountChange()));
        }

        BankAccountView masked() {
            return new BankAccountView(partnerId, confirmed == null ? null : confirmed.masked(),
                    pending == null ? null : pending.masked());
        }
    }

    @PutMapping
    @Operation(operationId = "requestBankAccountChange",
            summary = "Request new bank details (partner admin or staff); another person confirms them")
    @RequestExample("onboarding/bank-account-change.json")
    BankAccountView request(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request) {
        String iban = Ibans.normalise(request.iban());
        String bic = Bics.normalise(request.bic());
        BankDetails.problem(iban, bic).ifPresent(problem -> {
            throw new InvalidInputException(Ibans.isValid(iban) ? "bic" : "iban", problem);
        });
        return disclosure.bankAccount(service.requestBankAccountChange(id, new BankAccount(iban, bic)));
    }

    @PostMapping("/confirmation")
    @Operation(operationId = "confirmBankAccountChange",
            summary = "Confirm the named bank account change (staff other than its requester): settlement uses"
            + " it from now on; 409 if another change is waiting, 403 for the requester")
    @RequestExample("onboarding/bank-account-confirmation.json")
    BankAccountView confirm(@PathVariable UUID id, @Valid @RequestBody Confirmation confirmation) {
        String iban = confirmation.iban() == null || confirmation.iban().isBlank()
                ? null : Ibans.normalise(confirmation.iban());
        return disclosure.bankAccount(service.confirmBankAccountChange(id, confirmation.changeId(), iban));
    }

    @PostMapping("/rejection")
    @Operation(operationId = "rejectBankAccountChange",
            summary = "Reject the requested bank details (staff); the confirmed account stays")
    @RequestExample("onboarding/bank-account-rejection.json")
    BankAccountView reject(@PathVariable UUID id, @Valid @RequestBody(required = false) Rejection rejection) {
        return disclosure.bankAccount(service.rejectBankAccountChange(id,
                rejection == null ? null : rejection.changeId()));
    }
}
