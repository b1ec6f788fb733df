package io.accord.onboarding.bankaccount;

import io.accord.onboarding.check.Ibans;
import io.accord.onboarding.partner.BankAccount;
import io.accord.onboarding.partner.Partner;
import io.accord.onboarding.partner.PartnerRegistry;
import io.accord.platform.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A partner changes where it is paid: the IBAN is checked again (mod 97), the change is audited and waits for
 * staff confirmation; settlement keeps paying the confirmed account until then.
 */
@RestController
@RequestMapping("/api/onboarding/partners/{id}/bank-account")
@Tag(name = "Partners")
class BankAccountController {

    private final PartnerRegistry partners;

    BankAccountController(PartnerRegistry partners) {
        this.partners = partners;
    }

    record ChangeRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ]{5,42}", message = "must be an IBAN") String iban,
                         @NotBlank @Pattern(regexp = "[A-Za-z0-9]{8}([A-Za-z0-9]{3})?",
                                 message = "must be a BIC (8 or 11 characters)") String bic) {
    }

    record BankAccountView(UUID partnerId, BankAccount confirmed, BankAccount pending, Instant pendingSince) {

        static BankAccountView of(Partner partner) {
            return new BankAccountView(partner.id(), partner.bankAccount(), partner.pendingBankAccount(),
                    partner.pendingBankSince());
        }
    }

    @PutMapping
    @Operation(summary = "Request new bank details (partner admin); they wait for staff confirmation")
    BankAccountView request(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request) {
        String iban = request.iban().replace(" ", "").toUpperCase(Locale.ROOT);
        if (!Ibans.isValid(iban)) {
            throw new InvalidInputException("iban", "IBAN " + iban + " is not valid (length or mod-97 checksum)");
        }
        return BankAccountView.of(partners.requestBankAccountChange(id,
                new BankAccount(iban, request.bic().toUpperCase(Locale.ROOT))));
    }

    @PostMapping("/confirmation")
    @Operation(summary = "Confirm the requested bank details (staff): settlement uses them from now on")
    BankAccountView confirm(@PathVariable UUID id) {
        return BankAccountView.of(partners.confirmBankAccountChange(id));
    }

    @PostMapping("/rejection")
    @Operation(summary = "Reject the requested bank details (staff); the confirmed account stays")
    BankAccountView reject(@PathVariable UUID id) {
        return BankAccountView.of(partners.rejectBankAccountChange(id));
    }
}
