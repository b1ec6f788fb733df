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
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The users of one partner in Keycloak: the members of its group, each with the realm role partner-admin or
 * partner-user, and their {@code partner_id} from the group. Called while a request waits, so a Keycloak that does
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

    List<PartnerUser> list(String groupId) {
        return call(realm -> {
            List<PartnerUser> users = new ArrayList<>();
            List<UserRepresentation> page;
            int first = 0;
            do {
                page = realm.groups().group(groupId).members(first, MEMBERS_PAGE, false);
                for (UserRepresentation member : page) {
                    users.add(of(member, realm.users().get(member.getId())));
                }
                first += MEMBERS_PAGE;
            } while (page.size() == MEMBERS_PAGE);
            return users;
        });
    }

    /** The member of the group with this id. @throws NotFoundException (404) for anybody else */
    PartnerUser find(String groupId, String userId) {
        return call(realm -> of(member(realm, groupId, userId), realm.users().get(userId)));
    }

    /**
     * Creates the user in the partner's group with the role and the required action to set a password, and has
     * Keycloak e-mail the link. An address that any Keycloak user has already is refused without saying whose.
     */
    PartnerUser invite(String groupId, AdminContact person, String role) {
        return call(realm -> {
            List<UserRepresentation> existing = new ArrayList<>(realm.users().searchByEmail(person.email(), true));
            existing.addAll(realm.users().searchByUsername(person.username(), true));
            if (!existing.isEmpty()) {
                throw taken(realm, groupId, existing.getFirst().getId());
            }
            UserRepresentation created = new UserRepresentation();
            created.setUsername(person.username());
            created.setEmail(person.email());
            created.setFirstName(person.firstName());
            created.setLastName(person.lastName());
            created.setEnabled(true);
            created.setRequiredActions(List.of(KeycloakDirectory.UPDATE_PASSWORD));
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
                IdentityProperties.Invitation invitation = properties.invitation();
                user.executeActionsEmail(invitation.clientId(), invitation.redirectUri(),
                        (int) invitation.lifespan().toSeconds(),
                        List.of(KeycloakDirectory.UPDATE_PASSWORD, KeycloakDirectory.VERIFY_EMAIL));
            } catch (WebApplicationException mailRefused) {
                invitationError = ProvisioningFailures.describe("send the invitation e-mail", mailRefused,
                        sessions.serverUrl());
            }
            return of(user.toRepresentation(), user).withInvitationError(invitationError);
        });
    }

    PartnerUser changeRole(String groupId, String userId, String role) {
        return call(realm -> {
            member(realm, groupId, userId);
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

    /** Disables the member and ends its sessions; it stays in the group, so the list and the trail show it. */
    PartnerUser disable(String groupId, String userId) {
        return call(realm -> {
            UserRepresentation member = member(realm, groupId, userId);
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

    private ConflictException taken(RealmResource realm, String groupId, String userId) {
        boolean ours = realm.users().get(userId).groups(0, 1000, true).stream()
                .anyMatch(group -> groupId.equals(group.getId()));
        return new ConflictException(ours
                ? "The e-mail address is a user of this partner already (" + userId + ")"
                : "The e-mail address is in use by another account already; invite the colleague with another"
                + " address");
    }

    private static UserRepresentation member(RealmResource realm, String groupId, String userId) {
        try {
            UserResource user = realm.users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            if (user.groups(0, 1000, true).stream().anyMatch(group -> groupId.equals(group.getId()))) {
                return representation;
            }
        } catch (jakarta.ws.rs.NotFoundException absent) {
            // the same answer as another partner's user: nothing said about who exists elsewhere
        }
        throw new NotFoundException("User of the partner", userId);
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
        } catch (ConflictException | NotFoundException | InvalidInputException answer) {
            throw answer;
        } catch (RuntimeException failure) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    ProvisioningFailures.describe("Keycloak, the partner's users", failure, sessions.serverUrl())
                            + "; nothing was changed unless the list says so, try again in a moment");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, failure);
        }
    }

    /** A user of a partner as Keycloak holds it. @param role partner-admin or partner-user; null for neither */
    record PartnerUser(String userId, String username, String email, String firstName, String lastName, String role,
                       boolean enabled, boolean invitationPending, String invitationError) {

        PartnerUser withInvitationError(String error) {
            return new PartnerUser(userId, username, email, firstName, lastName, role, enabled, invitationPending,
                    error);
        }
    }
}
