package io.accord.onboarding.check;

import java.util.Locale;

/**
 * The stable, machine-readable codes of the checks' reasons (docs/onboarding-checks.md): what an API client or the
 * portal branches on and localises, where the reason is English prose that may be reworded. A result that found
 * several things (two duplicates, two screening hits) carries the code of the first; its reason lists them all.
 */
public final class ReasonCodes {

    public static final String MANDATORY_DATA_COMPLETE = "MANDATORY_DATA_COMPLETE";
    public static final String MANDATORY_DATA_MISSING = "MANDATORY_DATA_MISSING";
    public static final String MANDATORY_DATA_MALFORMED = "MANDATORY_DATA_MALFORMED";

    public static final String VAT_ID_VALID = "VAT_ID_VALID";
    public static final String VAT_ID_FORMAT_VALID = "VAT_ID_FORMAT_VALID";
    public static final String TAX_ID_PLAUSIBLE = "TAX_ID_PLAUSIBLE";
    public static final String TAX_ID_MISSING = "TAX_ID_MISSING";
    public static final String TAX_ID_COUNTRY_MISSING = "TAX_ID_COUNTRY_MISSING";
    public static final String VAT_ID_COUNTRY_MISMATCH = "VAT_ID_COUNTRY_MISMATCH";
    public static final String VAT_ID_PREFIX_INVALID = "VAT_ID_PREFIX_INVALID";
    public static final String VAT_ID_FORMAT_INVALID = "VAT_ID_FORMAT_INVALID";
    public static final String VAT_ID_CHECK_DIGIT_INVALID = "VAT_ID_CHECK_DIGIT_INVALID";
    public static final String TAX_ID_FORMAT_INVALID = "TAX_ID_FORMAT_INVALID";

    public static final String BANK_ACCOUNT_VALID = "BANK_ACCOUNT_VALID";
    public static final String BANK_ACCOUNT_INVALID = "BANK_ACCOUNT_INVALID";

    public static final String NO_DUPLICATE = "NO_DUPLICATE";
    public static final String DUPLICATE_TAX_ID = "DUPLICATE_TAX_ID";
    public static final String DUPLICATE_LEGAL_NAME = "DUPLICATE_LEGAL_NAME";
    public static final String DUPLICATE_ADMIN_EMAIL = "DUPLICATE_ADMIN_EMAIL";
    public static final String DUPLICATE_BANK_ACCOUNT = "DUPLICATE_BANK_ACCOUNT";
    public static final String DUPLICATE_NOT_COMPARABLE = "DUPLICATE_NOT_COMPARABLE";
    /** The applicant's neutral code for every failed duplicate check: which key matched is staff knowledge. */
    public static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";

    public static final String SCREENING_CLEAR = "SCREENING_CLEAR";
    public static final String SCREENING_MATCH = "SCREENING_MATCH";
    /** The applicant's neutral code for a screening hit: the denylist entry is staff knowledge. */
    public static final String SCREENING_REVIEW = "SCREENING_REVIEW";

    public static final String DOCUMENTS_COMPLETE = "DOCUMENTS_COMPLETE";
    public static final String DOCUMENTS_NONE_REQUIRED = "DOCUMENTS_NONE_REQUIRED";
    public static final String DOCUMENTS_MISSING = "DOCUMENTS_MISSING";

    public static final String AGREEMENT_TERMS_APPLY = "AGREEMENT_TERMS_APPLY";
    public static final String AGREEMENT_TERMS_OPEN_POINTS = "AGREEMENT_TERMS_OPEN_POINTS";

    private ReasonCodes() {
    }

    /**
     * The code of a result recorded before results carried one, from its check, outcome and reason as the checks
     * worded them; a check unknown here answers {@code <CHECK>_PASSED} or {@code <CHECK>_FAILED}.
     */
    public static String derive(String check, boolean passed, String reason) {
        String text = reason == null ? "" : reason;
        return switch (check) {
            case CheckNames.MANDATORY_DATA -> passed ? MANDATORY_DATA_COMPLETE
                    : text.startsWith("missing") ? MANDATORY_DATA_MISSING : MANDATORY_DATA_MALFORMED;
            case CheckNames.TAX_ID -> passed ? passedTaxId(text) : failedTaxId(text);
            case CheckNames.BANK_ACCOUNT -> passed ? BANK_ACCOUNT_VALID : BANK_ACCOUNT_INVALID;
            case CheckNames.DUPLICATES -> passed ? NO_DUPLICATE : duplicate(text);
            case CheckNames.SCREENING -> passed ? SCREENING_CLEAR : SCREENING_MATCH;
            case CheckNames.DOCUMENTS -> passed ? text.startsWith("no documents required") ? DOCUMENTS_NONE_REQUIRED
                    : DOCUMENTS_COMPLETE : DOCUMENTS_MISSING;
            case CheckNames.AGREEMENT_TERMS -> passed ? AGREEMENT_TERMS_APPLY : AGREEMENT_TERMS_OPEN_POINTS;
            default -> check.toUpperCase(Locale.ROOT).replace('-', '_') + (passed ? "_PASSED" : "_FAILED");
        };
    }

    /** The code as the public applicant sees it: neutral where the staff code tells what matched. */
    public static String forApplicant(String check, boolean passed, String code) {
        return switch (check) {
            case CheckNames.DUPLICATES -> passed ? code : POSSIBLE_DUPLICATE;
            case CheckNames.SCREENING -> passed ? SCREENING_CLEAR : SCREENING_REVIEW;
            default -> code;
        };
    }

    private static String passedTaxId(String text) {
        if (text.contains("plausible")) {
            return TAX_ID_PLAUSIBLE;
        }
        return text.contains("no check digit known") ? VAT_ID_FORMAT_VALID : VAT_ID_VALID;
    }

    private static String failedTaxId(String text) {
        if (text.startsWith("no tax id")) {
            return TAX_ID_MISSING;
        }
        if (text.contains("cannot be checked without")) {
            return TAX_ID_COUNTRY_MISSING;
        }
        if (text.contains(", but the applicant is in")) {
            return VAT_ID_COUNTRY_MISMATCH;
        }
        if (text.contains("carry the prefix")) {
            return VAT_ID_PREFIX_INVALID;
        }
        if (text.contains("check digit")) {
            return VAT_ID_CHECK_DIGIT_INVALID;
        }
        return text.contains("generic rule") ? TAX_ID_FORMAT_INVALID : VAT_ID_FORMAT_INVALID;
    }

    private static String duplicate(String text) {
        if (text.startsWith("tax id")) {
            return DUPLICATE_TAX_ID;
        }
        if (text.startsWith("legal name")) {
            return DUPLICATE_LEGAL_NAME;
        }
        if (text.startsWith("admin contact")) {
            return DUPLICATE_ADMIN_EMAIL;
        }
        if (text.startsWith("bank account")) {
            return DUPLICATE_BANK_ACCOUNT;
        }
        return DUPLICATE_NOT_COMPARABLE;
    }
}
