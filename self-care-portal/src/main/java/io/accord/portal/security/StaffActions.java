package io.accord.portal.security;

import java.util.Arrays;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who may act on a staff page, as opposed to reading it: auditors (and other readers) open every staff page, but the
 * portal refuses their actions with 403 before anything is sent to the gateway (the services refuse them too).
 */
public final class StaffActions {

    private StaffActions() {
    }

    /** Whether the user holds one of the roles that act on a page. */
    public static boolean mayAct(OidcUser user, String... roles) {
        PortalUser portalUser = PortalUser.of(user);
        return Arrays.stream(roles).anyMatch(portalUser::hasRole);
    }

    /** Refuses (403, nothing sent to the gateway) a user none of whose roles acts on the page. */
    public static void require(OidcUser user, String... roles) {
        if (!mayAct(user, roles)) {
            throw new AccessDeniedException("read-only on this page");
        }
    }
}
