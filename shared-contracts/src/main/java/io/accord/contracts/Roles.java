package io.accord.contracts;

import java.util.Set;

/** Keycloak realm roles (ARCHITECTURE §5). Spring authorities are these names prefixed with {@code ROLE_}. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String PARTNER_MANAGER = "partner-manager";
    public static final String OPS = "ops";
    public static final String FINANCE = "finance";
    public static final String AUDITOR = "auditor";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String PARTNER_USER = "partner-user";

    /** CSP staff: not bound to one partner, they see every partner's rows. */
    public static final Set<String> STAFF = Set.of(PLATFORM_ADMIN, PARTNER_MANAGER, OPS, FINANCE, AUDITOR);

    /** A method-security expression admitting every staff role of {@link #STAFF} (e.g. staff-only KPIs). */
    public static final String ANY_STAFF = "hasAnyRole('" + PLATFORM_ADMIN + "', '" + PARTNER_MANAGER + "', '" + OPS
            + "', '" + FINANCE + "', '" + AUDITOR + "')";

    /** Partner-side roles: always bound to the token's {@code partner_id}. */
    public static final Set<String> PARTNER = Set.of(PARTNER_ADMIN, PARTNER_USER);

    public static final Set<String> ALL = Set.of(
            PLATFORM_ADMIN, PARTNER_MANAGER, OPS, FINANCE, AUDITOR, PARTNER_ADMIN, PARTNER_USER);

    /** The JWT claim that binds a partner token to its partner. */
    public static final String PARTNER_ID_CLAIM = "partner_id";

    private Roles() {
    }
}
