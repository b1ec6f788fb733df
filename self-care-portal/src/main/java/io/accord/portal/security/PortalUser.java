package io.accord.portal.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.accord.contracts.Roles;

/**
 * Who is logged in, as pages need it: a name to show, Accord's realm roles (from the access token) and, for partner
 * users, the partner the token is bound to.
 */
public record PortalUser(String username, String displayName, String partnerId, Set<String> roles) {

    static final String ROLE_PREFIX = "ROLE_";

    public static PortalUser of(OidcUser user) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .filter(Roles.ALL::contains).collect(Collectors.toUnmodifiableSet());
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        String displayName = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName() : username;
        return new PortalUser(username, displayName, user.getClaimAsString(Roles.PARTNER_ID_CLAIM), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPartner() {
        return roles.stream().anyMatch(Roles.PARTNER::contains);
    }

    /** Partner managers and platform admins decide applications; auditors only read the queue. */
    public boolean decidesApplications() {
        return hasRole(Roles.PARTNER_MANAGER) || hasRole(Roles.PLATFORM_ADMIN);
    }
}
