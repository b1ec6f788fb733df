package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
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

    /** The entity if the caller may see it, else empty (which the caller turns into a 404). */
    public <T> Optional<T> visible(Optional<T> entity, Function<T, PartnerId> owner) {
        return entity.filter(found -> canAccess(owner.apply(found)));
    }

    /** The user name of the caller, or {@link #SYSTEM_ACTOR} when no user is behind the work. */
    public String actor() {
        Authentication authentication = authentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM_ACTOR;
    }

    /**
     * The immutable id of the calling user (the token's {@code sub}), empty when no user is behind the work. Compare
     * people by this, never by their user name, which can be renamed.
     */
    public Optional<String> subject() {
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
