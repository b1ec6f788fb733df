package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The partner's group and admin user in Keycloak, each step find-or-create, so running it again (after a
 * failure half-way, on two replicas one after the other, or on a partner that is done) converges on the same
 * one group and one user and never duplicates either.
 */
@Component
class KeycloakDirectory {

    static final String PARTNER_ID_ATTRIBUTE = Roles.PARTNER_ID_CLAIM;
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    private static final int MEMBERS_PAGE = 100;

    private final KeycloakSessions sessions;

    KeycloakDirectory(KeycloakSessions sessions) {
        this.sessions = sessions;
    }

    /** @param locale the admin's language if its user is created now (see {@link UserLocales}) */
    KeycloakIdentity provision(PartnerId partner, String legalName, AdminContact admin, String locale) {
        String groupName = Provisioning.groupName(partner);
        try (Keycloak keycloak = sessions.open()) {
            // a refused token is the client's configuration, the same for every partner: never NEEDS_ATTENTION
            step("get a token for client " + sessions.clientId(), false, () -> keycloak.tokenManager().getAccessToken());
            RealmResource realm = keycloak.realm(sessions.realm());
            String groupId = step("find or create group " + groupName, () -> ensureGroup(realm, groupName, partner,
                    legalName));
            String userId = step("find or create user " + admin.username(), () -> ensureUser(realm, admin, locale));
            UserResource user = realm.users().get(userId);
            step("check user " + admin.username() + " belongs to no other partner",
                    () -> requireNoOtherPartner(user, admin, partner, groupId));
            step("grant realm role " + Roles.PARTNER_ADMIN + " to " + admin.username(), () -> ensureAdminRole(user));
            step("add " + admin.username() + " to group " + groupName, () -> ensureMember(user, groupId));
            return new KeycloakIdentity(groupId, userId);
        }
    }

    /**
     * Has Keycloak send the admin its execute-actions e-mail: a link to set a password and verify the address.
     * Keycloak answers 500 when its SMTP server does not take the message; that fails this step.
     */
    void sendInvitation(String userId, AdminContact admin, IdentityProperties.Invitation invitation) {
        try (Keycloak keycloak = sessions.open()) {
            UserResource user = keycloak.realm(sessions.realm()).users().get(userId);
            step("send the first-login e-mail to " + admin.email(), () -> {
                user.executeActionsEmail(invitation.clientId(), invitation.redirectUri(),
                        (int) invitation.lifespan().toSeconds(), List.of(UPDATE_PASSWORD, VERIFY_EMAIL));
                return null;
            });
        }
    }

    /**
     * A terminated partner's access ends: every member of its groups (the one provisioning names after it, and any
     * other carrying its partner_id, made by hand) and every user with its partner_id as an attribute of its own is
     * disabled (no new tokens, a disabled user's refresh tokens are refused) and logged out of its sessions. A
     * partner never provisioned is looked up the same way. Keycloak keeps the users and the groups, so the audit
     * trail's names still resolve. Repeating it changes nothing.
     *
     * @return how many users were disabled now
     */
    int revoke(PartnerId partner) {
        try (Keycloak keycloak = sessions.open()) {
            RealmResource realm = keycloak.realm(sessions.realm());
            return disable(realm, usersOf(realm, partner));
        }
    }

    /**
     * GDPR erasure of a terminated partner's users (docs/personal-data.md): the same users as {@link #revoke} are
     * deleted from Keycloak, with their credentials, attributes, sessions and consents. Deleted rather than
     * anonymised: an anonymised account keeps credentials and could be enabled again, and nothing in Accord reads a
     * terminated partner's users by id. Its groups stay (named by the partner's id). Repeating it finds nobody.
     *
     * @return how many users were deleted now
     */
    int erase(PartnerId partner) {
        try (Keycloak keycloak = sessions.open()) {
            RealmResource realm = keycloak.realm(sessions.realm());
            int deleted = 0;
            for (UserRepresentation user : usersOf(realm, partner)) {
                int status = step("delete user " + user.getId(), () -> {
                    try (Response response = realm.users().delete(user.getId())) {
                        return response.getStatus();
                    }
                });
                if (status == Response.Status.NO_CONTENT.getStatusCode()) {
                    deleted++;
                } else if (status != Response.Status.NOT_FOUND.getStatusCode()) {
                    throw new ProvisioningStepException("Keycloak answered " + status + " to deleting user "
                            + user.getId(), null, false);
                }
            }
            return deleted;
        }
    }

    /** The partner's users: the members of its groups and those with its partner_id of their own, each once. */
    private List<UserRepresentation> usersOf(RealmResource realm, PartnerId partner) {
        String groupName = Provisioning.groupName(partner);
        Set<String> groupIds = new LinkedHashSet<>();
        step("find group " + groupName, () -> findGroup(realm, groupName))
                .ifPresent(group -> groupIds.add(group.getId()));
        groupIds.addAll(step("find the groups with " + PARTNER_ID_ATTRIBUTE + " " + partner,
                () -> groupsOf(realm, partner)));
        Map<String, UserRepresentation> users = new LinkedHashMap<>();
        for (String groupId : groupIds) {
            List<UserRepresentation> members;
            int first = 0;
            do {
                int from = first;
                members = step("list the members of group " + groupId,
                        () -> realm.groups().group(groupId).members(from, MEMBERS_PAGE));
                members.forEach(member -> users.putIfAbsent(member.getId(), member));
                first += MEMBERS_PAGE;
            } while (members.size() == MEMBERS_PAGE);
        }
        // users with the partner's id as their own attribute carry it in their tokens too
        String query = PARTNER_ID_ATTRIBUTE + ":" + partner;
        List<UserRepresentation> found;
        int first = 0;
        do {
            int from = first;
            found = step("find the users with " + query, () -> realm.users().searchByAttributes(from,
                    MEMBERS_PAGE, null, true, false, query));
            found.stream().filter(user -> List.of(partner.toString()).equals(attribute(user.getAttributes())))
                    .forEach(user -> users.putIfAbsent(user.getId(), user));
            first += MEMBERS_PAGE;
        } while (found.size() == MEMBERS_PAGE);
        return List.copyOf(users.values());
    }

    /** The ids of the groups whose own partner_id attribute is the partner's: Keycloak's attribute search, paged. */
    private static List<String> groupsOf(RealmResource realm, PartnerId partner) {
        List<String> ids = new ArrayList<>();
        List<GroupRepresentation> page;
        int first = 0;
        do {
            // the parameters: q, populateHierarchy (false: the matching groups themselves), first, max,
            // briefRepresentation (false: with attributes)
            page = realm.groups().query(PARTNER_ID_ATTRIBUTE + ":" + partner, false, first, MEMBERS_PAGE, false);
            page.stream().filter(group -> List.of(partner.toString()).equals(attribute(group.getAttributes())))
                    .forEach(group -> ids.add(group.getId()));
            first += MEMBERS_PAGE;
        } while (page.size() == MEMBERS_PAGE);
        return ids;
    }

    /** Disables the enabled ones and ends everyone's sessions. @return how many were disabled now */
    private int disable(RealmResource realm, List<UserRepresentation> users) {
        int disabled = 0;
        for (UserRepresentation member : users) {
            UserResource user = realm.users().get(member.getId());
            if (!Boolean.FALSE.equals(member.isEnabled())) {
                member.setEnabled(false);
                step("disable user " + member.getUsername(), () -> {
                    user.update(member);
                    return null;
                });
                disabled++;
            }
            step("end the sessions of user " + member.getUsername(), () -> {
                user.logout();
                return null;
            });
        }
        return disabled;
    }

    private static String ensureGroup(RealmResource realm, String name, PartnerId partner, String legalName) {
        Optional<GroupRepresentation> existing = findGroup(realm, name);
        if (existing.isPresent()) {
            GroupRepresentation group = existing.get();
            if (!List.of(partner.toString()).equals(attribute(group.getAttributes()))) {
                // the name says whose group it is; a hand-made group without the attribute gets it
                group.singleAttribute(PARTNER_ID_ATTRIBUTE, partner.toString());
                realm.groups().group(group.getId()).update(group);
            }
            return group.getId();
        }
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        group.setDescription(legalName);
        group.setAttributes(Map.of(PARTNER_ID_ATTRIBUTE, List.of(partner.toString())));
        try (Response response = realm.groups().add(group)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                return findGroup(realm, name).orElseThrow(() -> new IllegalStateException(
                        "Keycloak reported group " + name + " as existing but does not find it")).getId();
            }
            return createdId(response, "group " + name);
        }
    }

    private static Optional<GroupRepresentation> findGroup(RealmResource realm, String name) {
        try {
            return Optional.of(realm.getGroupByPath(name));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** An existing user is adopted as it is: its credentials and required actions are its own business. */
    private static String ensureUser(RealmResource realm, AdminContact admin, String locale) {
        Optional<UserRepresentation> existing = findUser(realm, admin.username());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(admin.username());
        user.setEmail(admin.email());
        user.setFirstName(admin.firstName());
        user.setLastName(admin.lastName());
        user.setEnabled(true);
        user.setRequiredActions(List.of(UPDATE_PASSWORD));
        if (locale != null) {
            user.singleAttribute(UserLocales.ATTRIBUTE, locale);
        }
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                // created meanwhile under this name (adopt it), or the email belongs to another username
                return findUser(realm, admin.username()).orElseThrow(() -> new IdentityConflictException(
                        "another Keycloak user already has the email " + admin.email())).getId();
            }
            return createdId(response, "user " + admin.username());
        }
    }

    private static Optional<UserRepresentation> findUser(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername()))
                .findFirst();
    }

    /** The partner_id claim comes from the user or else its groups: another partner's value must not be there. */
    private static Void requireNoOtherPartner(UserResource user, AdminContact admin, PartnerId partner,
                                              String groupId) {
        List<String> own = attribute(user.toRepresentation().getAttributes());
        if (own != null && !own.isEmpty() && !own.equals(List.of(partner.toString()))) {
            throw new IdentityConflictException("user " + admin.username() + " has partner_id " + own
                    + "; it cannot also administer partner " + partner);
        }
        for (GroupRepresentation group : user.groups(0, 1000, false)) {
            List<String> theirs = attribute(group.getAttributes());
            if (!group.getId().equals(groupId) && theirs != null && !theirs.isEmpty()
                    && !theirs.equals(List.of(partner.toString()))) {
                throw new IdentityConflictException("user " + admin.username() + " is a member of group "
                        + group.getName() + " of partner " + theirs + "; it cannot also administer partner "
                        + partner);
            }
        }
        return null;
    }

    private static Void ensureAdminRole(UserResource user) {
        var realmRoles = user.roles().realmLevel();
        if (realmRoles.listAll().stream().anyMatch(role -> Roles.PARTNER_ADMIN.equals(role.getName()))) {
            return null;
        }
        // the available list needs only manage-users, where reading the role by name would need view-realm
        RoleRepresentation role = realmRoles.listAvailable().stream()
                .filter(candidate -> Roles.PARTNER_ADMIN.equals(candidate.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("realm role " + Roles.PARTNER_ADMIN
                        + " does not exist or may not be granted by this client"));
        realmRoles.add(List.of(role));
        return null;
    }

    private static Void ensureMember(UserResource user, String groupId) {
        if (user.groups(0, 1000, true).stream().noneMatch(group -> groupId.equals(group.getId()))) {
            user.joinGroup(groupId);
        }
        return null;
    }

    private static String createdId(Response response, String what) {
        if (response.getStatus() != Response.Status.CREATED.getStatusCode()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() == Response.Status.BAD_REQUEST.getStatusCode()) {
                throw new KeycloakRefusalException("Keycloak answered 400 Bad Request to creating " + what + " "
                        + body);
            }
            throw new IllegalStateException("Keycloak answered " + response.getStatus() + " "
                    + response.getStatusInfo().getReasonPhrase() + " to creating " + what + " " + body);
        }
        String location = response.getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static List<String> attribute(Map<String, List<String>> attributes) {
        return attributes == null ? null : attributes.get(PARTNER_ID_ATTRIBUTE);
    }

    private <T> T step(String description, Supplier<T> action) {
        return step(description, true, action);
    }

    /** @param refusalIsPermanent whether a request Keycloak refuses as invalid fails for good (see NEEDS_ATTENTION) */
    private <T> T step(String description, boolean refusalIsPermanent, Supplier<T> action) {
        try {
            return action.get();
        } catch (IdentityConflictException conflict) {
            throw new IdentityConflictException(description + ": " + conflict.getMessage());
        } catch (RuntimeException failure) {
            throw new ProvisioningStepException(ProvisioningFailures.describe(description, failure,
                    sessions.serverUrl()), failure,
                    refusalIsPermanent && ProvisioningFailures.refusedAsInvalid(failure));
        }
    }
}
