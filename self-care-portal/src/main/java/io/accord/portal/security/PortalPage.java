package io.accord.portal.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.accord.contracts.Roles;

/**
 * The portal's pages and who may open them: the security configuration guards each path with these roles and the
 * navigation shows a user only the pages its roles open. The gateway and services check again on every data call.
 */
public enum PortalPage {

    DASHBOARD("/dashboard", "nav.dashboard", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    CATALOG("/catalog", "nav.catalog", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    // every role settlement lets read statements; only finance acts on them (approve, issue, record a payment).
    // Partner managers and ops look a statement up (from a dispute, a reconciliation...): not their start page
    STATEMENTS("/statements", "nav.statements", Set.of(Roles.PARTNER_MANAGER, Roles.OPS), Roles.PARTNER_ADMIN,
            Roles.PARTNER_USER, Roles.FINANCE, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    PROFILE("/profile", "nav.profile", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    // onboarding lets a partner's admins read and manage its users, its partner users not even read them
    USERS("/users", "nav.users", Roles.PARTNER_ADMIN),
    AGREEMENTS("/agreements", "nav.agreements", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    DOCUMENTS("/documents", "nav.documents", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    QUOTES("/quotes", "nav.quotes", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    ORDERS("/orders", "nav.orders", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    PRODUCTS("/products", "nav.products", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    USAGE("/usage", "nav.usage", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    INVOICES("/invoices", "nav.invoices", Roles.PARTNER_ADMIN, Roles.PARTNER_USER),
    REVIEW("/review", "nav.review", Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
    // the roles onboarding lets approve agreement terms (four-eyes); auditors read agreements through the audit trail
    AGREEMENT_APPROVALS("/agreement-approvals", "nav.agreementApprovals", Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN),
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
    private final Set<String> startsFor;

    PortalPage(String path, String labelKey, String... roles) {
        this(path, labelKey, Set.of(), roles);
    }

    /** A page that {@code consultedBy} roles open too, but which is not where they start. */
    PortalPage(String path, String labelKey, Set<String> consultedBy, String... roles) {
        this.path = path;
        this.labelKey = labelKey;
        this.startsFor = Set.of(roles);
        Set<String> all = new HashSet<>(startsFor);
        all.addAll(consultedBy);
        this.roles = Set.copyOf(all);
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

    /**
     * Where the user starts: the first page its roles work on (the dashboard for partners, a work queue for staff),
     * else the first it may open at all; empty for a user with no Accord role.
     */
    public static Optional<PortalPage> startFor(PortalUser user) {
        return Arrays.stream(values()).filter(page -> page.startsFor.stream().anyMatch(user::hasRole)).findFirst()
                .or(() -> openTo(user).stream().findFirst());
    }
}
