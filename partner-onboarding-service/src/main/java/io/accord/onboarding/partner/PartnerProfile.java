package io.accord.onboarding.partner;

/**
 * Everything we know of a partner when it becomes one (from its approved application). Optional parts may be
 * null for partners created directly by staff.
 */
public record PartnerProfile(String legalName, String tradingName, PartnerType type, BusinessModel businessModel,
                             String country, String taxId, PostalAddress address, ContactPerson commercial,
                             ContactPerson technical, ContactPerson billing, BankAccount bankAccount,
                             String settlementCurrency) {
}
