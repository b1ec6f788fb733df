package io.accord.onboarding.check;

/**
 * What the public applicant may read of a check's reason. The duplicate and screening checks name other partners,
 * other applications and denylist entries with their staff sources: the applicant gets a neutral sentence instead,
 * and only staff (the review queue) see the full reason. The other checks speak only of the applicant's own data.
 */
public final class ApplicantReasons {

    public static final String POSSIBLE_DUPLICATE =
            "possible duplicate of an existing partner; a partner manager will review";
    public static final String SCREENING_REVIEW =
            "the names need a manual screening review; a partner manager will review";
    public static final String SCREENED = "names screened: no match";

    private ApplicantReasons() {
    }

    /** The reason as the applicant sees it. */
    public static String of(String check, boolean passed, String reason) {
        return switch (check) {
            case CheckNames.DUPLICATES -> passed ? reason : POSSIBLE_DUPLICATE;
            case CheckNames.SCREENING -> passed ? SCREENED : SCREENING_REVIEW;
            default -> reason;
        };
    }
}
