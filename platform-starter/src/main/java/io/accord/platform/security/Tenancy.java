package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is calling and which partner's rows they may see. Staff see every partner; a partner token sees only
 * the rows of its own {@code partner_id}. Services ask this before returning or changing a partner-owned row,
 * and answer 404 (never the content) for another partner's row.
 */
public class Tenancy {

    /** Actor recorded for work that no user started (event consumers, scheduled jobs). */
    public static final String SYSTEM_ACTOR = "system";
    /** Actor recorded for a caller without a token on a public path (a prospective partner applying). */
    public static final String ANONYMOUS_ACTOR = "anonymous";

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();
    private static final ThreadLocal<String> ACTING_SUBJECT = new ThreadLocal<>();

    public Optional<PartnerId> partnerId() {
        if (authentication() instanceof JwtAuthenticationToken token) {
            String claim = token.getToken().getClaimAsString(Roles.PARTNER_ID_CLAIM);
            if (claim != null && !claim.isBlank()) {
                try {
                    return Optional.of(PartnerId.of(claim));
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public boolean isStaff() {
        return roles().stream().anyMatch(Roles.STAFF::contains);
    }

    public boolean hasAnyRole(String... roles) {
        Set<String> mine = roles();
        for (String role : roles) {
            if (mine.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Staff may see any partner's row; a partner only its own. */
    public boolean canAccess(PartnerId owner) {
        return isStaff() || partnerId().map(owner::equals).orElse(false);
    }

    /** The partner id no row has: a list scoped to it is empty. */
    public static final java.util.UUID NOBODY = new java.util.UUID(0, 0);

    /**
     * Which partner's rows a list may show when the caller asks for {@code requested} ({@code null}: no partner
     * named): staff get what they ask for ({@code null}: every partner's); a partner its own when it names none or
     * itself, and {@link #NOBODY} (an empty list, not its own rows under another partner's name) when it names
     * another partner; a caller without a partner {@link #NOBODY}.
     */
    public java.util.UUID listScope(java.util.UUID requested) {
        if (isStaff()) {
            return requested;
        }
        java.util.UUID own = partnerId().map(PartnerId::value).orElse(NOBODY);
        return requested == null || requested.equals(own) ? own : NOBODY;
    }

    /** The entity if the caller may see it, else empty (which the caller turns into a 404). */
    public <T> Optional<T> visible(Optional<T> entity, Function<T, PartnerId> owner) {
        return entity.filter(found -> canAccess(owner.apply(found)));
    }

    /**
     * The user name of the caller; {@link #ANONYMOUS_ACTOR} for a caller without a token (Spring's
     * "anonymousUser" was recorded before); {@link #SYSTEM_ACTOR} when no user is behind the work; or who
     * {@link #actingAs} names while it runs.
     */
    public String actor() {
        String acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        Authentication authentication = authentication();
        if (authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS_ACTOR;
        }
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM_ACTOR;
    }

    /**
     * Runs work that a rule decided rather than the caller (an onboarding policy approving an application at once),
     * recorded under {@code actor} meanwhile. Who may see what is still the caller's.
     */
    public void actingAs(String actor, Runnable work) {
        String before = ACTING.get();
        ACTING.set(actor);
        try {
            work.run();
        } finally {
            restore(ACTING, before);
        }
    }

    /**
     * Runs background work on behalf of the user who asked for it ({@code actor}, their user name, and
     * {@code subject}, their token's {@code sub}), on a thread without a token: a settlement run's worker drafting
     * statements. Meanwhile {@link #actor()} and {@link #subject()} name that user, so the audit trail records
     * the entries under their name and id (they carried the name only). Who may see what is not changed: a thread
     * without a token sees as staff work does. A blank {@code subject} is treated as unknown.
     */
    public void actingAs(String actor, String subject, Runnable work) {
        String before = ACTING_SUBJECT.get();
        ACTING_SUBJECT.set(subject == null || subject.isBlank() ? null : subject);
        try {
            actingAs(actor, work);
        } finally {
            restore(ACTING_SUBJECT, before);
        }
    }

    private static void restore(ThreadLocal<String> local, String before) {
        if (before == null) {
            local.remove();
        } else {
            local.set(before);
        }
    }

    /**
     * The immutable id of the calling user (the token's {@code sub}; the user named by
     * {@link #actingAs(String, String, Runnable)} meanwhile), empty when no user is behind the work. Compare
     * people by this, never by their user name, which can be renamed.
     */
    public Optional<String> subject() {
        String acting = ACTING_SUBJECT.get();
        if (acting != null) {
            return Optional.of(acting);
        }
        if (authentication() instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getSubject());
        }
        return Optional.empty();
    }

    private Set<String> roles() {
        Authentication authentication = authentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
