package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The users of one partner in Keycloak: the members of its group (their {@code partner_id} from the group) and the
 * users with its {@code partner_id} as their own attribute, each with the realm role partner-admin or partner-user. Called while a request waits, so a Keycloak that does
 * not answer is a 503 to the caller rather than a retry later.
 */
@Component
class KeycloakPartnerUsers {

    static final Set<String> ROLES = Set.of(Roles.PARTNER_ADMIN, Roles.PARTNER_USER);
    private static final int MEMBERS_PAGE = 100;

    private final KeycloakSessions sessions;
    private final IdentityProperties properties;

    KeycloakPartnerUsers(KeycloakSessions sessions, IdentityProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    /**
     * The partner's users: the members of its group and the users whose own {@code partner_id} attribute is the
     * partner's (made by hand in Keycloak, or the development realm's demo users), each once. Both kinds get the
     * partner's id in their tokens, so both are its users.
     */
    List<PartnerUser> list(Scope scope) {
        return call(realm -> {
            Map<String, PartnerUser> users = new LinkedHashMap<>();
            if (scope.groupId() != null) {
                List<UserRepresentation> page;
                int first = 0;
                do {
                    page = realm.groups().group(scope.groupId()).members(first, MEMBERS_PAGE, false);
                    for (UserRepresentation member : page) {
                        users.putIfAbsent(member.getId(), of(member, realm.users().get(member.getId())));
                    }
                    first += MEMBERS_PAGE;
                } while (page.size() == MEMBERS_PAGE);
            }
            for (UserRepresentation user : withAttribute(realm, scope.partnerId())) {
                users.putIfAbsent(user.getId(), of(user, realm.users().get(user.getId())));
            }
            return List.copyOf(users.values());
        });
    }

    /** The user of the partner with this id. @throws NotFoundException (404) for anybody else */
    PartnerUser find(Scope scope, String userId) {
        return call(realm -> of(member(realm, scope, userId), realm.users().get(userId)));
    }

    /**
     * Creates the user in the partner's group with the role, the locale (the language of Keycloak's e-mails and pages
     * for it) and the required action to set a password, and has Keycloak e-mail the link. An address that any
     * Keycloak user has already is refused without saying whose.
     */
    PartnerUser invite(Scope scope, AdminContact person, String role, String locale) {
        String groupId = Objects.requireNonNull(scope.groupId(), "an invited user joins the partner's group");
        return call(realm -> {
            List<UserRepresentation> existing = new ArrayList<>(realm.users().searchByEmail(person.email(), true));
            existing.addAll(realm.users().searchByUsername(person.username(), true));
            if (!existing.isEmpty()) {
                throw taken(realm, scope, existing.getFirst().getId());
            }
            UserRepresentation created = new UserRepresentation();
            created.setUsername(person.username());
            created.setEmail(person.email());
            created.setFirstName(person.firstName());
            created.setLastName(person.lastName());
            created.setEnabled(true);
            created.setRequiredActions(List.of(KeycloakDirectory.UPDATE_PASSWORD));
            created.singleAttribute(UserLocales.ATTRIBUTE, locale);
            String userId;
            try (Response response = realm.users().create(created)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ConflictException("The e-mail address " + person.email()
                            + " is in use by another account already; invite the colleague with another address");
                }
                if (response.getStatus() == Response.Status.BAD_REQUEST.getStatusCode()) {
                    // the realm's user profile refuses a value (e.g. characters it does not allow in a name)
                    throw new InvalidInputException("user", "Keycloak refused the new user's data: "
                            + (response.hasEntity() ? response.readEntity(String.class) : "400 Bad Request"));
                }
                if (response.getStatus() != Response.Status.CREATED.getStatusCode()) {
                    throw new WebApplicationException(response.getStatus());
                }
                String location = response.getLocation().getPath();
                userId = location.substring(location.lastIndexOf('/') + 1);
            }
            UserResource user = realm.users().get(userId);
            user.joinGroup(groupId);
            grant(user.roles().realmLevel(), role);
            String invitationError = null;
            try {
                sendInvitation(user);
            } catch (WebApplicationException mailRefused) {
                invitationError = ProvisioningFailures.describe("send the invitation e-mail", mailRefused,
                        sessions.serverUrl());
            }
            return of(user.toRepresentation(), user).withInvitationError(invitationError);
        });
    }

    PartnerUser changeRole(Scope scope, String userId, String role) {
        return call(realm -> {
            member(realm, scope, userId);
            UserResource user = realm.users().get(userId);
            RoleScopeResource roles = user.roles().realmLevel();
            List<RoleRepresentation> other = roles.listAll().stream()
                    .filter(granted -> ROLES.contains(granted.getName()) && !granted.getName().equals(role))
                    .toList();
            grant(roles, role);
            if (!other.isEmpty()) {
                roles.remove(other);
                // tokens carry roles: the sessions of a user who lost one end, its next login gets the new one
                user.logout();
            }
            return of(user.toRepresentation(), user);
        });
    }

    /** Disables the user and ends its sessions; it stays the partner's, so the list and the trail show it. */
    PartnerUser disable(Scope scope, String userId) {
        return call(realm -> {
            member(realm, scope, userId);
            UserResource user = realm.users().get(userId);
            UserRepresentation current = user.toRepresentation();
            if (!Boolean.FALSE.equals(current.isEnabled())) {
                current.setEnabled(false);
                user.update(current);
            }
            user.logout();
            return of(user.toRepresentation(), user);
        });
    }

    /** Enables a removed (disabled) user again; its password and roles are as they were. */
    PartnerUser enable(Scope scope, String userId) {
        return call(realm -> {
            member(realm, scope, userId);
            UserResource user = realm.users().get(userId);
            UserRepresentation current = user.toRepresentation();
            if (Boolean.FALSE.equals(current.isEnabled())) {
                current.setEnabled(true);
                user.update(current);
            }
            return of(user.toRepresentation(), user);
        });
    }

    /**
     * Has Keycloak e-mail the link to set a password again (a new link; an earlier one works until it expires),
     * giving a user without a locale of its own (invited before users had one) the partner's first.
     *
     * @throws ConflictException (409) for a user who set its password already, or a removed (disabled) one
     */
    PartnerUser resendInvitation(Scope scope, String userId, String locale) {
        return call(realm -> {
            UserRepresentation current = member(realm, scope, userId);
            UserResource user = realm.users().get(userId);
            if (Boolean.FALSE.equals(current.isEnabled())) {
                throw new ConflictException("User " + current.getUsername() + " is removed (disabled): enable it"
                        + " first (POST .../users/" + userId + "/enablement), then resend its invitation");
            }
            if (current.getRequiredActions() == null
                    || !current.getRequiredActions().contains(KeycloakDirectory.UPDATE_PASSWORD)) {
                throw new ConflictException("User " + current.getUsername() + " has set its password already:"
                        + " there is no invitation to resend, it logs in with its password");
            }
            Map<String, List<String>> attributes = current.getAttributes();
            if (attributes == null || attributes.getOrDefault(UserLocales.ATTRIBUTE, List.of()).isEmpty()) {
                current.singleAttribute(UserLocales.ATTRIBUTE, locale);
                user.update(current);
            }
            try {
                sendInvitation(user);
            } catch (WebApplicationException mailRefused) {
                String reason = ProvisioningFailures.describe("send the invitation e-mail to "
                        + current.getEmail(), mailRefused, sessions.serverUrl());
                throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE, reason + "; nothing was sent, try again in a moment"),
                        mailRefused);
            }
            return of(user.toRepresentation(), user);
        });
    }

    /**
     * Every Keycloak user of the realm with this e-mail (exact, any case) or user name, for a data subject's access
     * request: partner users and anybody else Keycloak holds under the address.
     */
    List<Account> withEmail(String email) {
        return call(realm -> {
            Map<String, UserRepresentation> found = new LinkedHashMap<>();
            realm.users().searchByEmail(email, true).forEach(user -> found.putIfAbsent(user.getId(), user));
            realm.users().searchByUsername(email, true).forEach(user -> found.putIfAbsent(user.getId(), user));
            List<Account> accounts = new ArrayList<>();
            for (UserRepresentation brief : found.values()) {
                UserResource user = realm.users().get(brief.getId());
                UserRepresentation full = user.toRepresentation();
                accounts.add(new Account(full.getId(), full.getUsername(), full.getEmail(), full.getFirstName(),
                        full.getLastName(), !Boolean.FALSE.equals(full.isEnabled()),
                        full.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(full.getCreatedTimestamp()),
                        user.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName).sorted()
                                .toList(),
                        user.groups(0, 1000, true).stream().map(GroupRepresentation::getName).sorted().toList(),
                        full.getAttributes() == null ? Map.of() : Map.copyOf(full.getAttributes()),
                        full.getRequiredActions() == null ? List.of() : List.copyOf(full.getRequiredActions())));
            }
            return accounts;
        });
    }

    /** Keycloak's execute-actions e-mail, in the user's locale: set a password and verify the address. */
    private void sendInvitation(UserResource user) {
        IdentityProperties.Invitation invitation = properties.invitation();
        user.executeActionsEmail(invitation.clientId(), invitation.redirectUri(),
                (int) invitation.lifespan().toSeconds(),
                List.of(KeycloakDirectory.UPDATE_PASSWORD, KeycloakDirectory.VERIFY_EMAIL));
    }

    private ConflictException taken(RealmResource realm, Scope scope, String userId) {
        boolean ours = belongs(realm.users().get(userId), scope);
        return new ConflictException(ours
                ? "The e-mail address is a user of this partner already (" + userId + ")"
                : "The e-mail address is in use by another account already; invite the colleague with another"
                + " address");
    }

    private static UserRepresentation member(RealmResource realm, Scope scope, String userId) {
        try {
            UserResource user = realm.users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            if (belongs(user, scope)) {
                return representation;
            }
        } catch (jakarta.ws.rs.NotFoundException absent) {
            // the same answer as another partner's user: nothing said about who exists elsewhere
        }
        throw new NotFoundException("User of the partner", userId);
    }

    /**
     * Whether the user's tokens carry the partner's id: its own attribute says so, or (having none of its own, as the
     * attribute mapper then takes the group's) it is a member of the partner's group.
     */
    private static boolean belongs(UserResource user, Scope scope) {
        List<String> own = attribute(user.toRepresentation());
        if (!own.isEmpty()) {
            return own.equals(List.of(scope.partnerId()));
        }
        return scope.groupId() != null
                && user.groups(0, 1000, true).stream().anyMatch(group -> scope.groupId().equals(group.getId()));
    }

    /** Users whose own partner_id attribute is the partner's: Keycloak's exact attribute search, paged. */
    private static List<UserRepresentation> withAttribute(RealmResource realm, String partnerId) {
        List<UserRepresentation> found = new ArrayList<>();
        List<UserRepresentation> page;
        int first = 0;
        do {
            // the parameters: first, max, enabled, exact, briefRepresentation (false: with attributes), q
            page = realm.users().searchByAttributes(first, MEMBERS_PAGE, null, true, false,
                    KeycloakDirectory.PARTNER_ID_ATTRIBUTE + ":" + partnerId);
            page.stream().filter(user -> attribute(user).equals(List.of(partnerId))).forEach(found::add);
            first += MEMBERS_PAGE;
        } while (page.size() == MEMBERS_PAGE);
        return found;
    }

    private static List<String> attribute(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> values = attributes == null ? null : attributes.get(KeycloakDirectory.PARTNER_ID_ATTRIBUTE);
        return values == null ? List.of() : values;
    }

    private static void grant(RoleScopeResource roles, String role) {
        if (roles.listAll().stream().anyMatch(granted -> role.equals(granted.getName()))) {
            return;
        }
        // the available list needs only manage-users, where reading the role by name would need view-realm
        RoleRepresentation available = roles.listAvailable().stream()
                .filter(candidate -> role.equals(candidate.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("realm role " + role
                        + " does not exist or may not be granted by this client"));
        roles.add(List.of(available));
    }

    private static PartnerUser of(UserRepresentation user, UserResource resource) {
        List<String> roles = resource.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .filter(ROLES::contains).toList();
        String role = roles.contains(Roles.PARTNER_ADMIN) ? Roles.PARTNER_ADMIN
                : roles.contains(Roles.PARTNER_USER) ? Roles.PARTNER_USER : null;
        List<String> actions = user.getRequiredActions() == null ? List.of() : user.getRequiredActions();
        return new PartnerUser(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), role, !Boolean.FALSE.equals(user.isEnabled()),
                actions.contains(KeycloakDirectory.UPDATE_PASSWORD), null);
    }

    private <T> T call(Function<RealmResource, T> work) {
        try (Keycloak keycloak = sessions.open()) {
            return work.apply(keycloak.realm(sessions.realm()));
        } catch (ConflictException | NotFoundException | InvalidInputException | ErrorResponseException answer) {
            throw answer;
        } catch (RuntimeException failure) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    ProvisioningFailures.describe("Keycloak, the partner's users", failure, sessions.serverUrl())
                            + "; nothing was changed unless the list says so, try again in a moment");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, failure);
        }
    }

    /**
     * Whose users an operation concerns.
     *
     * @param partnerId the partner's id, as the users' own {@code partner_id} attribute would carry it
     * @param groupId   the partner's provisioned group; {@code null} while it has none (or after revocation)
     */
    record Scope(String partnerId, String groupId) {
    }

    /**
     * A Keycloak account as an access request shows it.
     *
     * @param realmRoles the realm roles granted to it directly (partner-admin or partner-user for a partner user)
     * @param groups     its groups' names ({@code partner-<id>} for a provisioned partner's user)
     * @param attributes its attributes ({@code partner_id}, {@code locale})
     */
    record Account(String userId, String username, String email, String firstName, String lastName, boolean enabled,
                   Instant createdAt, List<String> realmRoles, List<String> groups,
                   Map<String, List<String>> attributes, List<String> requiredActions) {
    }

    /** A user of a partner as Keycloak holds it. @param role partner-admin or partner-user; null for neither */
    record PartnerUser(String userId, String username, String email, String firstName, String lastName, String role,
                       boolean enabled, boolean invitationPending, String invitationError) {

        /** A user's name and e-mail: audited by field name only (AuditTrail#recordWithoutPersonalData). */
        static final java.util.List<String> PERSONAL = java.util.List.of("username", "email", "firstName", "lastName");

        PartnerUser withInvitationError(String error) {
            return new PartnerUser(userId, username, email, firstName, lastName, role, enabled, invitationPending,
                    error);
        }
    }
}
