package io.accord.onboarding.check;

/** A contact person of the applicant. */
public record Contact(String name, String email, String phone) {
}
