package io.accord.onboarding.partner;

import jakarta.persistence.Embeddable;

/** One of the partner's contacts (commercial, technical, billing). */
@Embeddable
public record ContactPerson(String name, String email, String phone) {
}
