package io.accord.portal.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.accord.contracts.Roles;

/**
 * The portal's pages and who may open them: the security configuration guards each path with these roles and the
 * navigation shows a user only the pages its roles open. The gateway and services check again on every data call.
 */
public enum PortalPage {

    DASHBOARD("/dashboard", "nav.dashboard", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    CATALOG("/catalog", "nav.catalog", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    STATEMENTS("/statements", "nav.statements", Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.FINANCE,
            Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    PROFILE("/profile", "nav.profile", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    AGREEMENTS("/agreements", "nav.agreements", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    DOCUMENTS("/documents", "nav.documents", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    QUOTES("/quotes", "nav.quotes", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    ORDERS("/orders", "nav.orders", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    PRODUCTS("/products", "nav.products", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    USAGE("/usage", "nav.usage", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    INVOICES("/invoices", "nav.invoices", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    REVIEW("/review", "nav.review", Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    PARTNERS("/partners", "nav.partners", Roles.PARTNER_MANAGER, Roles.FINANCE, Roles.PLATFORM_ADMIN),
    SUSPENSE("/suspense", "nav.suspense", Roles.OPS, Roles.FINANCE, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    OFFERING_REVIEW("/offering-review", "nav.offeringReview", Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.OPS, Roles.AUDITOR),
    FALLOUT("/fallout", "nav.fallout", Roles.OPS, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    SETTLEMENT_RUNS("/settlement-runs", "nav.settlementRuns", Roles.FINANCE, Roles.PLATFORM_ADMIN, Roles.OPS, Roles.AUDITOR),
    RECONCILIATION("/reconciliation", "nav.reconciliation", Roles.FINANCE, Roles.PLATFORM_ADMIN, Roles.OPS, Roles.AUDITOR),
    DISPUTES("/disputes", "nav.disputes", Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.FINANCE, Roles.PARTNER_MANAGER,
            Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    KPIS("/kpis", "nav.kpis", Roles.OPS, Roles.FINANCE, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    AUDIT("/audit", "nav.audit", Roles.AUDITOR, Roles.PLATFORM_ADMIN);

    private final String path;
    private final String labelKey;
    private final Set<String> roles;

    PortalPage(String path, String labelKey, String... roles) {
        this.path = path;
        this.labelKey = labelKey;
        this.roles = Set.of(roles);
    }

    public String path() {
        return path;
    }

    /** The message key of its navigation label. */
    public String labelKey() {
        return labelKey;
    }

    Set<String> roles() {
        return roles;
    }

    public boolean isOpenTo(PortalUser user) {
        return roles.stream().anyMatch(user::hasRole);
    }

    /** The pages a user may open, in navigation order. */
    public static List<PortalPage> openTo(PortalUser user) {
        return Arrays.stream(values()).filter(page -> page.isOpenTo(user)).toList();
    }
}
