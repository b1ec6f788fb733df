package io.accord.onboarding.check;

import io.accord.onboarding.partner.BankAccount;

import java.util.List;
import java.util.UUID;

/**
 * How the duplicate check finds existing partners and open applications; the caller implements it against its
 * tables. Store {@link TaxIds#normalise(String)} of each tax id and {@link Names#normalise(String)} of each legal
 * name next to the raw values, so these are equality lookups.
 * <p>
 * Each method answers labels for the reason a partner manager reads, e.g. {@code "partner Streamly Media GmbH
 * (5c1f…)"}; an empty list means no match.
 */
public interface DuplicateLookup {

    /**
     * Partners whose normalised tax id equals the given one. The check may ask more than once per application,
     * with and without the country's VAT prefix ({@code DE136695976} and {@code 136695976}).
     */
    List<String> partnersWithTaxId(String normalisedTaxId);

    /** Partners with this normalised legal name in this country (ISO 3166-1 alpha-2). */
    List<String> partnersNamed(String normalisedName, String country);

    /**
     * Open applications (submitted, not yet decided: in review or waiting for information; not drafts) with this
     * normalised tax id, except the one being checked.
     */
    List<String> openApplicationsWithTaxId(String normalisedTaxId, UUID excludedApplicationId);

    /** Open applications with this normalised legal name in this country, except the one being checked. */
    List<String> openApplicationsNamed(String normalisedName, String country, UUID excludedApplicationId);

    /**
     * Partners whose admin (the Keycloak user provisioned at their activation) has this e-mail address, given in
     * lower case. A Keycloak user belongs to one partner only: a further partner with the same admin e-mail would
     * get no admin at all.
     */
    List<String> partnersAdministeredBy(String adminEmail);

    /**
     * Partners that are not terminated whose confirmed bank account is this one (the same normalised IBAN, or the
     * same account number and bank code): the payments of two companies would go to one account.
     */
    List<String> partnersWithBankAccount(BankAccount account);
}
