package io.accord.onboarding.check;

import java.util.List;

/** The stable names of the automated checks, as stored with their results. */
public final class CheckNames {

    public static final String MANDATORY_DATA = "mandatory-data";
    public static final String TAX_ID = "tax-id";
    public static final String BANK_ACCOUNT = "bank-account";
    public static final String DUPLICATES = "duplicates";
    public static final String SCREENING = "screening";
    public static final String DOCUMENTS = "documents";

    /**
     * Whether the agreement template of the business model applies to the applicant as it is (its currency, the tax
     * treatment derived for the applicant's country); recorded after the others by the application feature, which
     * asks the agreement feature. A failure sends the application to review.
     */
    public static final String AGREEMENT_TERMS = "agreement-terms";

    /** Every check, in the order {@link ApplicationChecks#run} reports them. */
    public static final List<String> ALL = List.of(MANDATORY_DATA, TAX_ID, BANK_ACCOUNT, DUPLICATES, SCREENING,
            DOCUMENTS);

    private CheckNames() {
    }
}
