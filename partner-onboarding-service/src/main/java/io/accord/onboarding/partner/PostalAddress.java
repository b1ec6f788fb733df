package io.accord.onboarding.partner;

import jakarta.persistence.Embeddable;

/** A registered address; the country is the partner's. */
@Embeddable
public record PostalAddress(String street1, String street2, String city, String postCode) {
}
