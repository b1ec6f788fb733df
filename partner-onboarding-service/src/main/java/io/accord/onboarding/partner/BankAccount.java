package io.accord.onboarding.partner;

/** Where settlement pays the partner. */
public record BankAccount(String iban, String bic) {

    /** The same account with its IBAN masked ({@link Ibans#mask}) and its BIC as it is. */
    public BankAccount masked() {
        return new BankAccount(Ibans.mask(iban), bic);
    }
}
