package io.accord.onboarding.identity;

import io.accord.platform.problem.InvalidInputException;

/**
 * The partner admin staff name for provisioning: required when starting it, optional on a retry (then the names
 * default to the recorded admin's, so an e-mail alone replaces a taken address).
 */
record AdminRequest(String adminEmail, String adminFirstName, String adminLastName) {

    /** The admin named for a start, where every field is required. */
    AdminContact admin() {
        return new AdminContact(adminEmail, adminFirstName, adminLastName);
    }

    boolean isEmpty() {
        return adminEmail == null && adminFirstName == null && adminLastName == null;
    }

    /** @throws InvalidInputException (400) without an e-mail, or with a malformed value */
    AdminContact admin(AdminContact recorded) {
        if (adminEmail == null || adminEmail.isBlank()) {
            throw new InvalidInputException("adminEmail", "must not be blank when naming another admin");
        }
        if (adminFirstName != null && adminLastName != null) {
            return new AdminContact(adminEmail, adminFirstName, adminLastName);
        }
        return new AdminContact(adminEmail, adminFirstName != null ? adminFirstName : recorded.firstName(),
                adminLastName != null ? adminLastName : recorded.lastName());
    }
}
