package io.accord.onboarding.application;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as applicant and reviewer see it: its data, the checks and why it stands where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApplicationView(UUID id, String href, ApplicationStatus status, ApplicationForm application,
                       List<RecordedCheck> checks, Instant checksRanAt, String decisionReason, String decidedBy,
                       Instant decidedAt, Boolean autoApproved, UUID partnerId, Instant createdAt,
                       Instant submittedAt, Instant updatedAt, String trackingSecret) {

    static final String PATH = "/api/onboarding/applications";

    static ApplicationView of(PartnerApplication application) {
        return withSecret(application, null);
    }

    /** Only in the answer to the creation: the secret is never stored or shown again. */
    static ApplicationView withSecret(PartnerApplication application, String trackingSecret) {
        return new ApplicationView(application.id(), PATH + "/" + application.id(), application.status(),
                application.form(), application.checks(), application.checksRanAt(), application.decisionReason(),
                application.decidedBy(), application.decidedAt(), application.autoApproved(),
                application.partnerId(), application.createdAt(), application.submittedAt(),
                application.updatedAt(), trackingSecret);
    }
}
