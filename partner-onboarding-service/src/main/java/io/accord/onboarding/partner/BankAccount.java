package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where settlement pays the partner: an IBAN (and optionally its BIC), or, for a partner in a country that issues
 * no IBANs (the US, Canada, …), a domestic account number with its bank code (for the US the ABA routing number)
 * and a BIC. One of the two forms is set, never both ({@link BankDetails}).
 */
public record BankAccount(String iban, String bic,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String accountNumber,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String bankCode) {

    /** An account identified by its IBAN. */
    public BankAccount(String iban, String bic) {
        this(iban, bic, null, null);
    }

    /** An account in a country without IBANs, identified by account number and bank code. */
    public static BankAccount domestic(String accountNumber, String bankCode, String bic) {
        return new BankAccount(null, bic, accountNumber, bankCode);
    }

    /**
     * The same account with its IBAN or account number masked ({@link Ibans#mask}, {@link DomesticAccounts#mask})
     * and its BIC and bank code as they are (they name the bank, not the account).
     */
    public BankAccount masked() {
        return new BankAccount(Ibans.mask(iban), bic, DomesticAccounts.mask(accountNumber), bankCode);
    }

    /** What identifies the account, for reasons and messages: its IBAN, or its account number and bank code. */
    String describe() {
        return iban != null ? "IBAN " + Ibans.format(iban)
                : "account " + accountNumber + " (bank code " + bankCode + ")";
    }

    /** The value a confirmer names to say which account they reviewed: the IBAN or the account number. */
    String identifier() {
        return iban != null ? iban : accountNumber;
    }
}
