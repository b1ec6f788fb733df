package io.accord.onboarding.partner;

import java.util.List;

/**
 * Personal data another feature of this service keeps about a person, found by e-mail for the access export
 * (GDPR Art. 15, {@code GET /api/onboarding/personal-data}): each source is a section of the export's
 * {@code elsewhere}. Implemented by the features that depend on this one, so the export needs no dependency on them.
 */
public interface PersonalDataSource {

    /** The section's name in the export, e.g. {@code keycloakUsers}. */
    String name();

    /**
     * What the source keeps under the e-mail (lower case). A store that does not answer fails the export (503)
     * rather than leaving the section out unsaid.
     *
     * @return the records, as the export shows them; {@code null} when the source was not consulted (see
     * {@link #notConsulted()})
     */
    List<?> findByEmail(String email);

    /** Why this instance does not consult the source (e.g. Keycloak switched off); {@code null} when it does. */
    default String notConsulted() {
        return null;
    }
}
