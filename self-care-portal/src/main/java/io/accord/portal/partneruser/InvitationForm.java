package io.accord.portal.partneruser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.accord.contracts.Roles;

/**
 * The invitation form as typed, and the portal's own checks of it: onboarding's rules ({@code AdminContact}: an
 * e-mail of at most 254 characters with one {@code @} and a dot in the domain, first and last name required, at most
 * 100 characters; the role partner-admin or partner-user), so a mistake is shown at its field without a call.
 */
record InvitationForm(String email, String firstName, String lastName, String role) {

    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static InvitationForm empty() {
        return new InvitationForm("", "", "", Roles.PARTNER_USER);
    }

    /** Field → message key of what is wrong, in the form's order; empty when the form may be sent. */
    Map<String, String> errorKeys() {
        Map<String, String> errors = new LinkedHashMap<>();
        String mail = email.strip();
        if (mail.isEmpty()) {
            errors.put("email", "users.invite.email.required");
        } else if (mail.length() > EMAIL_MAX) {
            errors.put("email", "users.invite.email.tooLong");
        } else if (!EMAIL.matcher(mail).matches()) {
            errors.put("email", "users.invite.email.invalid");
        }
        name(errors, "firstName", firstName);
        name(errors, "lastName", lastName);
        if (!Roles.PARTNER_ADMIN.equals(role) && !Roles.PARTNER_USER.equals(role)) {
            errors.put("role", "users.invite.role.required");
        }
        return errors;
    }

    /** What onboarding is sent: the values stripped, the e-mail in lower case as Keycloak keeps it. */
    Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email.strip().toLowerCase(Locale.ROOT));
        body.put("firstName", firstName.strip());
        body.put("lastName", lastName.strip());
        body.put("role", role);
        return body;
    }

    private static void name(Map<String, String> errors, String field, String value) {
        String name = value.strip();
        if (name.isEmpty()) {
            errors.put(field, "users.invite." + field + ".required");
        } else if (name.length() > NAME_MAX) {
            errors.put(field, "users.invite.name.tooLong");
        }
    }
}
