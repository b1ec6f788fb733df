package io.accord.platform.security;

import io.accord.contracts.value.PartnerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TenancyTests {

    private static final PartnerId MINE = PartnerId.of("11111111-1111-4111-8111-111111111111");
    private static final PartnerId THEIRS = PartnerId.of("22222222-2222-4222-8222-222222222222");

    private final Tenancy tenancy = new Tenancy();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPartnerSeesOnlyItsOwnRows() {
        signIn(List.of("partner-admin"), MINE.toString());

        assertThat(tenancy.isStaff()).isFalse();
        assertThat(tenancy.partnerId()).contains(MINE);
        assertThat(tenancy.canAccess(MINE)).isTrue();
        assertThat(tenancy.canAccess(THEIRS)).isFalse();
        assertThat(tenancy.visible(Optional.of(THEIRS), id -> id)).isEmpty();
    }

    @Test
    void aListScopedByAPartnerIsItsOwnOrNothingAndStaffGetWhatTheyAskFor() {
        signIn(List.of("partner-admin"), MINE.toString());
        assertThat(tenancy.listScope(null)).isEqualTo(MINE.value());
        assertThat(tenancy.listScope(MINE.value())).isEqualTo(MINE.value());
        assertThat(tenancy.listScope(THEIRS.value())).isEqualTo(Tenancy.NOBODY);

        signIn(List.of("finance"), null);
        assertThat(tenancy.listScope(null)).isNull();
        assertThat(tenancy.listScope(THEIRS.value())).isEqualTo(THEIRS.value());
    }

    @Test
    void staffSeeEveryPartner() {
        signIn(List.of("finance"), null);

        assertThat(tenancy.isStaff()).isTrue();
        assertThat(tenancy.canAccess(THEIRS)).isTrue();
        assertThat(tenancy.actor()).isEqualTo("user");
    }

    @Test
    void aMalformedPartnerIdSeesNothing() {
        signIn(List.of("partner-admin"), "not-a-uuid");

        assertThat(tenancy.partnerId()).isEmpty();
        assertThat(tenancy.canAccess(MINE)).isFalse();
    }

    @Test
    void aCallerWithoutATokenIsRecordedAsAnonymousAndAPolicysWorkUnderItsName() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        List<String> inside = new java.util.ArrayList<>();

        tenancy.actingAs("onboarding-policy", () -> inside.add(tenancy.actor()));

        assertThat(inside).containsExactly("onboarding-policy");
        assertThat(tenancy.actor()).isEqualTo(Tenancy.ANONYMOUS_ACTOR);
        assertThat(tenancy.canAccess(MINE)).isFalse();
    }

    @Test
    void backgroundWorkOnAUsersBehalfNamesTheirNameAndSubjectMeanwhileOnly() {
        List<String> inside = new java.util.ArrayList<>();

        tenancy.actingAs("fiona", "7d0f3c52-0d6b-4c38-9a39-1f0e4b1c2a11", () -> {
            inside.add(tenancy.actor());
            inside.add(tenancy.subject().orElse("none"));
            tenancy.actingAs("onboarding-policy", () -> inside.add(tenancy.subject().orElse("none")));
        });
        tenancy.actingAs("fiona", " ", () -> inside.add(tenancy.subject().orElse("none")));

        assertThat(inside).containsExactly("fiona", "7d0f3c52-0d6b-4c38-9a39-1f0e4b1c2a11",
                "7d0f3c52-0d6b-4c38-9a39-1f0e4b1c2a11", "none");
        assertThat(tenancy.actor()).isEqualTo(Tenancy.SYSTEM_ACTOR);
        assertThat(tenancy.subject()).isEmpty();
        assertThat(tenancy.canAccess(MINE)).isFalse();
    }

    @Test
    void workWithoutAUserIsDoneBySystem() {
        assertThat(tenancy.actor()).isEqualTo(Tenancy.SYSTEM_ACTOR);
        assertThat(tenancy.canAccess(MINE)).isFalse();
    }

    private static void signIn(List<String> roles, String partnerId) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s")
                .claim("preferred_username", "user").claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (partnerId != null) {
            jwt.claim("partner_id", partnerId);
        }
        SecurityContextHolder.getContext().setAuthentication(new KeycloakJwtConverter().convert(jwt.build()));
    }
}
