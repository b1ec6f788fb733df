package io.accord.catalog.importjob;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;

import java.util.UUID;

/**
 * Whose offerings a job imports or exports: a partner token always its own; staff name a partner, or {@code CSP}
 * for the CSP's own offerings ({@code null} owner).
 */
final class ImportOwner {

    static final String CSP = "CSP";

    private ImportOwner() {
    }

    /**
     * @param named the caller's {@code owner} option: a partner id or {@code CSP}
     * @return the owning partner, or {@code null} for the CSP
     */
    static PartnerId resolve(Tenancy tenancy, String named) {
        if (tenancy.isStaff()) {
            if (named == null || named.isBlank()) {
                throw new InvalidInputException("owner", "staff name the owning partner's id, or CSP for the"
                        + " CSP's own offerings");
            }
            return CSP.equalsIgnoreCase(named.strip()) ? null : new PartnerId(parse(named));
        }
        PartnerId own = tenancy.partnerId().orElseThrow(() -> new InvalidInputException("owner",
                "your token is not bound to a partner"));
        if (named != null && !named.isBlank() && !own.value().toString().equalsIgnoreCase(named.strip())) {
            throw new InvalidInputException("owner", "a partner imports and exports only its own offerings");
        }
        return own;
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("owner", "owner is a partner id (UUID) or CSP");
        }
    }
}
