package io.accord.onboarding.identity;

import io.accord.platform.problem.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The partner's administrator, who becomes its first Keycloak user. The email is also the username; Keycloak
 * keeps usernames and emails in lower case, so they are normalised here and compare equal to what it returns.
 *
 * @throws InvalidInputException (400) for a missing or malformed value, naming the field
 */
public record AdminContact(String email, String firstName, String lastName) {

    // deliberately loose: one @, no spaces, a dot in the domain; Keycloak's user profile checks the rest
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public AdminContact {
        email = required("email", email, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "'" + email + "' is not an email address");
        }
        firstName = required("firstName", firstName, 100);
        lastName = required("lastName", lastName, 100);
    }

    /** The Keycloak username of the admin: the email. */
    public String username() {
        return email;
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
