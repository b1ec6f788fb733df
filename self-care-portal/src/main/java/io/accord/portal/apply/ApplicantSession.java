package io.accord.portal.apply;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * What the applicant's browser session remembers: the tracking secret of each application it created or resumed
 * (never put in a URL, never sent back to the browser after the page that shows it once) and the documents it
 * attached (the service does not list an application's documents to the applicant).
 */
final class ApplicantSession implements Serializable {

    private static final String ATTRIBUTE = ApplicantSession.class.getName();

    record Attached(String name, String documentType) implements Serializable {
    }

    private final Map<UUID, String> secrets = new LinkedHashMap<>();
    private final Map<UUID, List<Attached>> documents = new LinkedHashMap<>();

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

    synchronized void attached(UUID application, Attached document) {
        documents.computeIfAbsent(application, id -> new ArrayList<>()).add(document);
    }

    synchronized List<Attached> documents(UUID application) {
        return List.copyOf(documents.getOrDefault(application, List.of()));
    }
}
