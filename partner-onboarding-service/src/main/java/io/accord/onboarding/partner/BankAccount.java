package io.accord.onboarding.partner;

/** Where settlement pays the partner. */
public record BankAccount(String iban, String bic) {
}
