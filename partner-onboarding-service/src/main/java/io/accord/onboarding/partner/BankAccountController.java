package io.accord.onboarding.partner;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.IfMatch;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * A partner changes where it is paid: the bank details get the same checks as an application's (IBAN of any
 * registry country, BIC fitting its country; or account number and bank code where the partner's country issues no
 * IBANs, see {@link BankDetails}), the change is audited and waits for confirmation by another person
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

    /**
     * An IBAN (BIC optional, checked against the IBAN's country when given), or, for a partner in a country that
     * issues no IBANs, account number and bank code (US: the ABA routing number) with a BIC (optional in the US).
     */
    record ChangeRequest(@Size(max = 50) String iban, @Size(max = 20) String bic,
                         @Size(max = 40) String accountNumber, @Size(max = 20) String bankCode) {
    }

    /**
     * What the confirmer reviewed: the change id (from {@code pending.changeId}) and, optionally, its IBAN or (an
     * account without IBAN) its account number.
     */
    record Confirmation(@NotNull UUID changeId, @Size(max = 50) String iban, @Size(max = 40) String accountNumber) {
    }

    /** Optionally the change rejected; when given it must be the waiting one. */
    record Rejection(UUID changeId) {
    }

    /**
     * The confirmed account, the change waiting, and warnings for whoever reviews the account requested or
     * confirmed: another partner has it (named to staff only), its IBAN is of another country than the partner's.
     */
    record BankAccountView(UUID partnerId, BankAccount confirmed, PartnerView.PendingBankAccount pending,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

        static BankAccountView of(Partner partner, List<String> warnings) {
            return new BankAccountView(partner.id(), partner.bankAccount(),
                    PartnerView.PendingBankAccount.of(partner.pendingBankAccountChange()), warnings);
        }

        BankAccountView masked() {
            return new BankAccountView(partnerId, confirmed == null ? null : confirmed.masked(),
                    pending == null ? null : pending.masked(), warnings);
        }
    }

    @PutMapping
    @Operation(operationId = "requestBankAccountChange",
            summary = "Request new bank details (partner admin or staff); another person confirms them; with"
                    + " If-Match (the partner's ETag), 412 and nothing requested unless it is the current one; answers"
                    + " the partner's new ETag")
    @RequestExample("onboarding/bank-account-change.json")
    ResponseEntity<BankAccountView> request(@PathVariable UUID id, IfMatch ifMatch,
                                            @Valid @RequestBody ChangeRequest request) {
        BankAccount requested = BankDetails.normalise(request.iban(), request.bic(), request.accountNumber(),
                request.bankCode());
        Partner partner = service.requestBankAccountChange(id,
                current -> ifMatch.check(disclosure.entityTag(current), "Partner " + id), requested);
        return ResponseEntity.ok().eTag(disclosure.entityTag(partner))
                .body(disclosure.bankAccount(partner, service.warnings(partner, requested)));
    }

    @PostMapping("/confirmation")
    @Operation(operationId = "confirmBankAccountChange",
            summary = "Confirm the named bank account change (staff other than its requester): settlement uses"
            + " it from now on; 409 if another change is waiting, 403 for the requester")
    @RequestExample("onboarding/bank-account-confirmation.json")
    BankAccountView confirm(@PathVariable UUID id, @Valid @RequestBody Confirmation confirmation) {
        String reviewed = confirmation.iban() != null && !confirmation.iban().isBlank()
                ? Ibans.normalise(confirmation.iban())
                : confirmation.accountNumber() != null && !confirmation.accountNumber().isBlank()
                ? DomesticAccounts.normalise(confirmation.accountNumber()) : null;
        Partner partner = service.confirmBankAccountChange(id, confirmation.changeId(), reviewed);
        return disclosure.bankAccount(partner, service.warnings(partner, partner.bankAccount()));
    }

    @PostMapping("/rejection")
    @Operation(operationId = "rejectBankAccountChange",
            summary = "Reject the requested bank details (staff); the confirmed account stays")
    @RequestExample("onboarding/bank-account-rejection.json")
    BankAccountView reject(@PathVariable UUID id, @Valid @RequestBody(required = false) Rejection rejection) {
        return disclosure.bankAccount(service.rejectBankAccountChange(id,
                rejection == null ? null : rejection.changeId()), List.of());
    }
}
