package io.accord.onboarding.check;

/** A postal address as the applicant gave it; {@code country} is ISO 3166-1 alpha-2. */
public record Address(String line1, String line2, String city, String postalCode, String country) {
}
