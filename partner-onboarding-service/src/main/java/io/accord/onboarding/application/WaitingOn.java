package io.accord.onboarding.application;

/** Whose move an open application waits for: ours (a partner manager's review) or the applicant's. */
enum WaitingOn {
    CSP, APPLICANT
}
