package io.accord.portal.apply;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * What the applicant's browser session remembers: the tracking secret of each application it created or resumed
 * (never put in a URL, never sent back to the browser after the page that shows it once). Nothing else: the
 * application's documents are listed by onboarding ({@link ApplicationDocuments}), whichever browser attached them.
 */
final class ApplicantSession implements Serializable {

    private static final String ATTRIBUTE = ApplicantSession.class.getName();

    private final Map<UUID, String> secrets = new LinkedHashMap<>();

    static ApplicantSession of(HttpSession session) {
        ApplicantSession applicant = (ApplicantSession) session.getAttribute(ATTRIBUTE);
        if (applicant == null) {
            applicant = new ApplicantSession();
            session.setAttribute(ATTRIBUTE, applicant);
        }
        return applicant;
    }

    synchronized void remember(UUID application, String secret) {
        secrets.put(application, secret);
    }

    synchronized Optional<String> secret(UUID application) {
        return Optional.ofNullable(secrets.get(application));
    }
}
