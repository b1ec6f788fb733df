package io.accord.contracts.events;

/**
 * An agreement version a settlement statement was computed with ({@code AgreementActivated}'s id and version), as
 * {@link StatementDrafted} and {@link StatementIssued} name them.
 */
public record StatementAgreementVersion(String agreementId, int version) {
}
