package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.demo.FirstLogin;
import io.accord.infra.KeycloakRealmSync;
import io.accord.infra.KeycloakServer;
import io.accord.infra.MailSink;
import io.accord.infra.Processes;
import io.accord.testsupport.AccordTestInitializer;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A partner's user management, provisioning a staff-made partner and replacing a taken admin e-mail, and the realm's
 * brute-force detection, against a real Keycloak 26 with the realm file imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PartnerUserTests.OwnDatabaseAndKeycloak.class)
@Tag("keycloak")
class PartnerUserTests {

    private static final int KEYCLOAK_PORT = Processes.freePort();
    private static final String KEYCLOAK_URL = "http://localhost:" + KEYCLOAK_PORT;
    private static final Path HOME = Path.of("target", "keycloak-it", UUID.randomUUID().toString());
    private static final MailSink mail = MailSink.start(HOME, 0, 0, 0);
    private static KeycloakServer keycloak;
    private static Keycloak master;

    @LocalServerPort
    int port;

    static class OwnDatabaseAndKeycloak extends AccordTestInitializer {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of(databaseProperties("test_onboarding_partner_users")).applyTo(context);
            TestPropertyValues.of(
                    "accord.onboarding.identity.enabled=true",
                    "accord.onboarding.identity.server-url=" + KEYCLOAK_URL,
                    "accord.onboarding.identity.client-secret=accord-onboarding-dev-secret",
                    "accord.onboarding.identity.poll-interval=250ms",
                    "accord.onboarding.identity.first-backoff=250ms",
                    "accord.onboarding.identity.max-backoff=2s"
            ).applyTo(context);
        }
    }

    @AfterAll
    static void stopKeycloak() throws IOException {
        mail.close();
        if (master != null) {
            master.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void staffProvisionAPartnerTheyCreatedAndOnlyOnce() {
        realm();
        String partner = createPartner("S66 Staff Made");
        TestHttp.Response none = manager().get(identity(partner));
        assertThat(none.status()).isEqualTo(404);

        TestHttp.Response invalid = manager().post(identity(partner), "{\"adminEmail\":\"not-an-address\","
                + "\"adminFirstName\":\"Ida\",\"adminLastName\":\"Example\"}");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(manager().get(identity(partner)).status()).isEqualTo(404);
        TestHttp.Response unknown = manager().post(identity(UUID.randomUUID().toString()), admin("ida", partner));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        TestHttp.Response started = manager().post(identity(partner), admin("ida", partner));

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("username").asString()).isEqualTo("ida-" + partner + "@partner.example");
        awaitDone(partner);
        assertThat(mail.messagesTo("ida-" + partner + "@partner.example")).hasSize(1);
        TestHttp.Response again = manager().post(identity(partner), admin("ivy", partner));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        TestHttp.Response asOps = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS))
                .post(identity(createPartner("S66 Ops Made")), admin("oz", partner));
        assertThat(asOps.status()).isEqualTo(403);
    }

    @Test
    void aRetryProvisionsTheAdminStaffNameInsteadOfATakenAddress() {
        realm();
        String first = provisionedPartner("S66 First", "kim");
        String second = createPartner("S66 Second");
        String taken = "kim-" + first + "@partner.example";
        TestHttp.Response started = manager().post(identity(second), "{\"adminEmail\":\"" + taken
                + "\",\"adminFirstName\":\"Kim\",\"adminLastName\":\"Example\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        await().atMost(Duration.ofMinutes(3)).until(() -> manager().get(identity(second)).json()
                .get("state").asString(), "NEEDS_ATTENTION"::equals);

        TestHttp.Response malformed = manager().post(identity(second) + "/retry", "{\"adminEmail\":\"x\"}");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        String current = "lou-" + second + "@partner.example";
        TestHttp.Response retried = manager().post(identity(second) + "/retry",
                "{\"adminEmail\":\"" + current + "\"}");

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("username").asString()).isEqualTo(current);
        JsonNode done = awaitDone(second);
        assertThat(done.get("username").asString()).isEqualTo(current);
        assertThat(realm().users().searchByUsername(current, true)).singleElement()
                .satisfies(user -> assertThat(user.getFirstName()).isEqualTo("Kim"));
        assertThat(mail.messagesTo(current)).hasSize(1);
        TestHttp.Response afterDone = manager().post(identity(second) + "/retry",
                "{\"adminEmail\":\"max-" + second + "@partner.example\"}");
        assertThat(afterDone.status()).as(afterDone.body()).isEqualTo(409);
        assertThat(afterDone.body()).contains("/users");
    }

    @Test
    void aPartnerAdminInvitesAColleagueWhoSetsAPasswordAndGetsTokensOfItsPartner() {
        String partner = provisionedPartner("S66 Invites", "ann");
        TestHttp admin = partnerAdmin(partner);
        String email = "bob-" + partner + "@partner.example";

        TestHttp.Response invited = admin.post(users(partner), invitation(email, Roles.PARTNER_USER));

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("invitationPending").asBoolean()).isTrue();
        assertThat(invited.json().get("invitationError").isNull()).isTrue();
        List<JsonNode> listed = list(admin.get(users(partner)));
        assertThat(listed).extracting(user -> user.get("email").asString() + " " + user.get("role").asString()
                        + " " + user.get("enabled").asBoolean() + " " + user.get("invitationPending").asBoolean())
                .containsExactlyInAnyOrder("ann-" + partner + "@partner.example partner-admin true true",
                        email + " partner-user true true");
        String link = FirstLogin.actionLink(mail.messagesTo(email).getFirst().mimeMessage());
        FirstLogin.setPassword(link, "Bob-first-login-1");
        JsonNode claims = claims(email, "Bob-first-login-1");
        assertThat(claims.get("partner_id").asString()).isEqualTo(partner);
        assertThat(claims.get("realm_access").get("roles").toString()).contains("\"partner-user\"")
                .doesNotContain("\"partner-admin\"");
        assertThat(auditActions(partner, invited.json().get("userId").asString())).containsExactly("user-invited");
    }

    @Test
    void invitationsAreRefusedForBadInputAnotherPartnersUserOrAnotherPartnersAdmin() {
        String partner = provisionedPartner("S66 Guards", "cat");
        String other = provisionedPartner("S66 Other", "dan");
        TestHttp admin = partnerAdmin(partner);

        assertThat(admin.post(users(partner), invitation("nope", Roles.PARTNER_USER)).status()).isEqualTo(400);
        TestHttp.Response badRole = admin.post(users(partner), invitation("x-" + partner + "@partner.example",
                "platform-admin"));
        assertThat(badRole.status()).as(badRole.body()).isEqualTo(400);
        TestHttp.Response taken = admin.post(users(partner), invitation("dan-" + other + "@partner.example",
                Roles.PARTNER_USER));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).doesNotContain(other).doesNotContain("S66 Other");
        assertThat(partnerAdmin(other).post(users(partner), invitation("y-" + partner + "@partner.example",
                Roles.PARTNER_USER)).status()).isEqualTo(404);
        assertThat(partnerAdmin(other).get(users(partner)).status()).isEqualTo(404);
        TestHttp partnerUser = TestHttp.localPort(port).as(TestJwt.partner("pu", partner, Roles.PARTNER_USER));
        assertThat(partnerUser.post(users(partner), invitation("z-" + partner + "@partner.example",
                Roles.PARTNER_USER)).status()).isEqualTo(403);
        assertThat(list(admin.get(users(partner)))).hasSize(1);

        manager().post("/api/onboarding/partners/" + partner + "/suspension", "{\"reason\":\"S66 unpaid\"}");
        TestHttp.Response suspended = admin.post(users(partner), invitation("w-" + partner + "@partner.example",
                Roles.PARTNER_USER));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(409);
        assertThat(suspended.body()).contains("SUSPENDED");
    }

    @Test
    void rolesChangeAndUsersAreRemovedButNeverThePartnersLastAdmin() {
        String partner = provisionedPartner("S66 Roles", "eva");
        TestHttp staff = manager();
        String eva = list(staff.get(users(partner))).getFirst().get("userId").asString();
        String finn = staff.post(users(partner), invitation("finn-" + partner + "@partner.example",
                Roles.PARTNER_USER)).json().get("userId").asString();

        TestHttp.Response lastDemoted = staff.put(users(partner) + "/" + eva + "/role", "{\"role\":\"partner-user\"}");
        assertThat(lastDemoted.status()).as(lastDemoted.body()).isEqualTo(409);
        TestHttp.Response lastRemoved = staff.delete(users(partner) + "/" + eva);
        assertThat(lastRemoved.status()).as(lastRemoved.body()).isEqualTo(409);
        assertThat(staff.put(users(partner) + "/" + finn + "/role", "{\"role\":\"owner\"}").status())
                .isEqualTo(400);
        assertThat(staff.put(users(partner) + "/" + UUID.randomUUID() + "/role", "{\"role\":\"partner-user\"}")
                .status()).isEqualTo(404);

        TestHttp.Response promoted = staff.put(users(partner) + "/" + finn + "/role", "{\"role\":\"partner-admin\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo(Roles.PARTNER_ADMIN);
        setPassword(eva, "Eva-own-password-1");
        assertThat(passwordGrant("eva-" + partner + "@partner.example", "Eva-own-password-1").status())
                .isEqualTo(200);
        TestHttp.Response removed = partnerAdmin(partner).delete(users(partner) + "/" + eva);

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("enabled").asBoolean()).isFalse();
        assertThat(passwordGrant("eva-" + partner + "@partner.example", "Eva-own-password-1").status())
                .isEqualTo(400);
        assertThat(staff.delete(users(partner) + "/" + finn).status()).as("finn is the last admin now")
                .isEqualTo(409);
        assertThat(auditActions(partner, finn)).containsExactly("user-role-changed", "user-invited");
        assertThat(auditActions(partner, eva)).containsExactly("user-removed");
    }

    @Test
    void usersWithThePartnersIdAsTheirOwnAttributeAreItsUsersListedOnceAndManaged() {
        realm();
        String unprovisioned = createPartner("S67 Hand Made");
        String admin = userWithPartnerId("hana-" + unprovisioned, unprovisioned, Roles.PARTNER_ADMIN);
        String colleague = userWithPartnerId("hugo-" + unprovisioned, unprovisioned, Roles.PARTNER_USER);
        String provisioned = provisionedPartner("S67 Mixed", "mia");
        String stranger = userWithPartnerId("sam-" + provisioned, provisioned, Roles.PARTNER_USER);
        TestHttp staff = manager();

        assertThat(list(staff.get(users(unprovisioned)))).extracting(user -> user.get("userId").asString() + " "
                + user.get("role").asString()).containsExactlyInAnyOrder(admin + " partner-admin",
                colleague + " partner-user");
        String mia = realm().users().searchByUsername("mia-" + provisioned + "@partner.example", true).getFirst()
                .getId();
        var miaUser = realm().users().get(mia);
        var miaRepresentation = miaUser.toRepresentation();
        miaRepresentation.singleAttribute("partner_id", provisioned);
        miaUser.update(miaRepresentation);
        assertThat(list(partnerAdmin(provisioned).get(users(provisioned)))).extracting(user -> user.get("userId")
                .asString()).as("a group member with the attribute too is listed once")
                .containsExactlyInAnyOrder(mia, stranger);

        TestHttp.Response promoted = staff.put(users(unprovisioned) + "/" + colleague + "/role",
                "{\"role\":\"partner-admin\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        TestHttp.Response removed = partnerAdmin(unprovisioned).delete(users(unprovisioned) + "/" + admin);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("enabled").asBoolean()).isFalse();
        assertThat(staff.delete(users(unprovisioned) + "/" + colleague).status()).as("the last admin now")
                .isEqualTo(409);
        assertThat(staff.delete(users(unprovisioned) + "/" + stranger).status()).as("another partner's user")
                .isEqualTo(404);
        TestHttp.Response invite = staff.post(users(unprovisioned), invitation("ivo-" + unprovisioned
                + "@partner.example", Roles.PARTNER_USER));
        assertThat(invite.status()).as(invite.body()).isEqualTo(409);
        assertThat(invite.body()).contains("/identity");
        assertThat(auditActions(unprovisioned, admin)).containsExactly("user-removed");

        TestHttp.Response terminated = staff.post("/api/onboarding/partners/" + provisioned + "/termination",
                "{\"reason\":\"S67 contract ended\"}");
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(realm().users().get(stranger)
                .toRepresentation().isEnabled()).as("a user with the attribute loses access too").isFalse());
    }

    @Test
    void usersOnboardingCreatesGetTheLanguageOfTheirPartnerOrTheOneAskedForAndTheirMailIsInIt() {
        String german = provisionedPartner("S67 Berlin", "greta");
        String gretaEmail = "greta-" + german + "@partner.example";
        assertThat(locale(gretaEmail)).as("the admin of a partner in DE").containsExactly("de");
        assertThat(mail.messagesTo(gretaEmail)).singleElement().satisfies(message -> assertThat(message.subject())
                .isEqualTo("Aktualisieren Sie Ihr Konto"));
        String american = provisionedPartner("S67 Boston", "uma", "US");
        assertThat(locale("uma-" + american + "@partner.example")).containsExactly("en");
        TestHttp admin = partnerAdmin(german);

        String hans = "hans-" + german + "@partner.example";
        assertThat(admin.post(users(german), invitation(hans, Roles.PARTNER_USER)).status()).isEqualTo(201);
        String emma = "emma-" + german + "@partner.example";
        TestHttp.Response english = admin.post(users(german), invitation(emma, Roles.PARTNER_USER, "en"));
        assertThat(english.status()).as(english.body()).isEqualTo(201);
        TestHttp.Response unsupported = admin.post(users(german), invitation("fred-" + german
                + "@partner.example", Roles.PARTNER_USER, "it"));

        assertThat(unsupported.status()).as(unsupported.body()).isEqualTo(400);
        assertThat(unsupported.body()).contains("locale");
        assertThat(locale(hans)).containsExactly("de");
        assertThat(mail.messagesTo(hans)).singleElement().satisfies(message -> assertThat(message.subject())
                .isEqualTo("Aktualisieren Sie Ihr Konto"));
        assertThat(locale(emma)).containsExactly("en");
        assertThat(mail.messagesTo(emma)).singleElement().satisfies(message -> assertThat(message.subject())
                .isEqualTo("Update Your Account"));
    }

    @Test
    void partnersInFranceBelgiumLuxembourgAndMonacoGetKeycloaksFrenchMailsAndPages() {
        String french = provisionedPartner("S68 Paris", "odile", "FR");
        String odile = "odile-" + french + "@partner.example";
        assertThat(locale(odile)).as("the admin of a partner in FR").containsExactly("fr");
        assertThat(mail.messagesTo(odile)).singleElement().satisfies(message -> assertThat(message.subject())
                .isEqualTo("Mettre à jour votre compte"));
        assertThat(FirstLogin.setPassword(FirstLogin.actionLink(mail.messagesTo(odile).getFirst().mimeMessage()),
                "Odile-first-login-1")).contains("Votre compte a été mis à jour");
        for (String country : List.of("BE", "LU", "MC")) {
            String partner = provisionedPartner("S68 " + country, "zoe", country);
            assertThat(locale("zoe-" + partner + "@partner.example")).as("the admin of a partner in " + country)
                    .containsExactly("fr");
        }
        String german = provisionedPartner("S68 Koeln", "karl");
        String francoise = "francoise-" + german + "@partner.example";

        TestHttp.Response asked = partnerAdmin(german).post(users(german), invitation(francoise,
                Roles.PARTNER_USER, "fr"));

        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(locale(francoise)).containsExactly("fr");
        assertThat(mail.messagesTo(francoise)).singleElement().satisfies(message -> assertThat(message.subject())
                .isEqualTo("Mettre à jour votre compte"));
    }

    @Test
    void terminatingAPartnerNeverProvisionedDisablesItsHandMadeUsersAndTheMembersOfItsGroups() {
        realm();
        String unprovisioned = createPartner("S68 Hand Made");
        String admin = userWithPartnerId("hedy-" + unprovisioned, unprovisioned, Roles.PARTNER_ADMIN);
        setPassword(admin, "Hedy-own-password-1");
        assertThat(passwordGrant("hedy-" + unprovisioned + "@partner.example", "Hedy-own-password-1").status())
                .isEqualTo(200);
        String member = memberOfHandMadeGroup("gil-" + unprovisioned, "S68 Hand Group " + unprovisioned,
                unprovisioned);
        String other = createPartner("S68 Bystander");
        String bystander = userWithPartnerId("bea-" + other, other, Roles.PARTNER_ADMIN);
        TestHttp staff = manager();

        TestHttp.Response terminated = staff.post("/api/onboarding/partners/" + unprovisioned + "/termination",
                "{\"reason\":\"S68 contract ended\"}");

        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(1)).until(() -> staff.get(identity(unprovisioned)), response ->
                response.status() == 200 && "REVOKED".equals(response.json().get("state").asString()));
        assertThat(realm().users().get(admin).toRepresentation().isEnabled()).as("its partner_id of its own")
                .isFalse();
        assertThat(realm().users().get(member).toRepresentation().isEnabled()).as("a member of a group of its")
                .isFalse();
        assertThat(passwordGrant("hedy-" + unprovisioned + "@partner.example", "Hedy-own-password-1").status())
                .isEqualTo(400);
        assertThat(realm().users().get(bystander).toRepresentation().isEnabled()).as("another partner's user")
                .isTrue();
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        List<String> actions = new ArrayList<>();
        auditor.get("/api/onboarding/audit?resourceType=identity-provisioning&resourceId=" + unprovisioned).json()
                .forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("access-revoked", "revocation-requested");
        TestHttp.Response retried = staff.post(identity(unprovisioned) + "/retry", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(409);
    }

    @Test
    void theExportListsAPartnersKeycloakUsersAndErasingItsContactsDeletesThemSoTheyCannotLogIn() {
        String partner = provisionedPartner("S70 Erased", "erin");
        String erin = "erin-" + partner + "@partner.example";
        String erinId = realm().users().searchByUsername(erin, true).getFirst().getId();
        setPassword(erinId, "Erin-own-password-1");
        String handMade = userWithPartnerId("hank-" + partner, partner, Roles.PARTNER_USER);
        String bystander = userWithPartnerId("bo-" + partner, createPartner("S70 Bystander"), Roles.PARTNER_USER);
        TestHttp platformAdmin = TestHttp.localPort(port).as(TestJwt.staff("admin-gdpr", Roles.PLATFORM_ADMIN));

        TestHttp.Response export = platformAdmin.get("/api/onboarding/personal-data?email=" + erin.toUpperCase());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode account = export.json().get("elsewhere").get("keycloakUsers").get(0);
        assertThat(account.get("userId").asString()).isEqualTo(erinId);
        assertThat(account.get("username").asString()).isEqualTo(erin);
        assertThat(account.get("enabled").asBoolean()).isTrue();
        assertThat(account.get("createdAt").asString()).isNotBlank();
        assertThat(account.get("realmRoles").toString()).contains(Roles.PARTNER_ADMIN);
        assertThat(account.get("groups").toString()).contains("partner-" + partner);
        TestHttp staff = manager();
        assertThat(staff.post("/api/onboarding/partners/" + partner + "/termination",
                "{\"reason\":\"S70 contract ended\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(1)).until(() -> staff.get(identity(partner)).json(),
                view -> "REVOKED".equals(view.get("state").asString()));

        TestHttp.Response erased = platformAdmin.post("/api/onboarding/partners/" + partner + "/contact-erasure", "");

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        JsonNode done = await().atMost(Duration.ofMinutes(1)).until(() -> staff.get(identity(partner)).json(),
                view -> "ERASED".equals(view.get("state").asString()));
        assertThat(done.has("username") && !done.get("username").isNull()).as("the row forgot its admin").isFalse();
        assertThat(realm().users().searchByEmail(erin, true)).as("the provisioned admin").isEmpty();
        assertThatThrownBy(() -> realm().users().get(handMade).toRepresentation())
                .as("a user with the partner_id of its own").isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        assertThat(realm().users().get(bystander).toRepresentation().isEnabled()).as("another partner's user")
                .isTrue();
        assertThat(passwordGrant(erin, "Erin-own-password-1").status()).isIn(400, 401);
        assertThat(platformAdmin.get("/api/onboarding/personal-data?email=" + erin).json().get("elsewhere")
                .get("keycloakUsers")).isEmpty();
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        TestHttp.Response trail = auditor.get("/api/onboarding/audit?resourceType=identity-provisioning&resourceId="
                + partner);
        List<String> actions = new ArrayList<>();
        trail.json().forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).startsWith("users-erased", "users-erasure-requested");
        assertThat(trail.body()).doesNotContain(erin);
    }

    @Test
    void aRemovedUserIsEnabledAgainAndAnUnusedInvitationIsSentAgainButNotToWhoSetAPassword() {
        String partner = provisionedPartner("S67 Enable", "rita");
        String rita = list(manager().get(users(partner))).getFirst().get("userId").asString();
        String tomEmail = "tom-" + partner + "@partner.example";
        String tom = manager().post(users(partner), invitation(tomEmail, Roles.PARTNER_USER)).json().get("userId")
                .asString();
        TestHttp admin = partnerAdmin(partner);

        TestHttp.Response resent = admin.post(users(partner) + "/" + tom + "/invitation", "");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("invitationPending").asBoolean()).isTrue();
        assertThat(mail.messagesTo(tomEmail)).hasSize(2);
        setPassword(rita, "Rita-own-password-1");
        TestHttp.Response passwordSet = admin.post(users(partner) + "/" + rita + "/invitation", "");
        assertThat(passwordSet.status()).as(passwordSet.body()).isEqualTo(409);
        assertThat(passwordSet.json().get("detail").asString()).contains("has set its password already");

        assertThat(admin.delete(users(partner) + "/" + tom).status()).isEqualTo(200);
        TestHttp.Response removedResend = admin.post(users(partner) + "/" + tom + "/invitation", "");
        assertThat(removedResend.status()).as(removedResend.body()).isEqualTo(409);
        assertThat(removedResend.body()).contains("enablement");
        assertThat(mail.messagesTo(tomEmail)).hasSize(2);
        assertThat(partnerAdmin(createPartner("S67 Stranger")).post(users(partner) + "/" + tom + "/enablement", "")
                .status()).isEqualTo(404);
        TestHttp partnerUser = TestHttp.localPort(port).as(TestJwt.partner("pu", partner, Roles.PARTNER_USER));
        assertThat(partnerUser.post(users(partner) + "/" + tom + "/enablement", "").status()).isEqualTo(403);
        assertThat(admin.post(users(partner) + "/" + UUID.randomUUID() + "/enablement", "").status())
                .isEqualTo(404);

        TestHttp.Response enabled = admin.post(users(partner) + "/" + tom + "/enablement", "");

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("role").asString()).isEqualTo(Roles.PARTNER_USER);
        assertThat(realm().users().get(tom).toRepresentation().isEnabled()).isTrue();
        assertThat(manager().post(users(partner) + "/" + tom + "/enablement", "").status())
                .as("enabled already: unchanged").isEqualTo(200);
        assertThat(manager().post(users(partner) + "/" + tom + "/invitation", "").status()).isEqualTo(200);
        assertThat(mail.messagesTo(tomEmail)).hasSize(3);
        assertThat(auditActions(partner, tom)).containsExactly("user-invitation-sent", "user-enabled",
                "user-removed", "user-invitation-sent", "user-invited");

        assertThat(admin.delete(users(partner) + "/" + tom).status()).isEqualTo(200);
        manager().post("/api/onboarding/partners/" + partner + "/suspension", "{\"reason\":\"S67 unpaid\"}");
        TestHttp.Response suspended = manager().post(users(partner) + "/" + tom + "/enablement", "");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(409);
        assertThat(suspended.body()).contains("SUSPENDED");
        assertThat(realm().users().get(tom).toRepresentation().isEnabled()).isFalse();
    }

    @Test
    void guessingPasswordsLocksTheUserOutForAWhileNotForGood() {
        String partner = provisionedPartner("S66 Guessing", "gus");
        String userId = list(manager().get(users(partner))).getFirst().get("userId").asString();
        String username = "gus-" + partner + "@partner.example";
        setPassword(userId, "Gus-own-password-1");
        assertThat(passwordGrant(username, "Gus-own-password-1").status()).isEqualTo(200);

        for (int guess = 0; guess < 10; guess++) {
            assertThat(passwordGrant(username, "Guess-number-" + guess).status()).isEqualTo(400);
        }

        TestHttp.Response locked = passwordGrant(username, "Gus-own-password-1");
        assertThat(locked.status()).as("locked out for now, the right password included").isEqualTo(400);
        assertThat(realm().attackDetection().bruteForceUserStatus(userId)).containsEntry("disabled", true);
        assertThat(realm().users().get(userId).toRepresentation().isEnabled())
                .as("a temporary lockout, not a disabled account").isTrue();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static synchronized RealmResource realm() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start(HOME, KEYCLOAK_PORT, TestInfrastructure.database("keycloak_partner_users"),
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword(),
                    Path.of("../deploy/keycloak/accord-realm.json"));
            KeycloakRealmSync.useSmtpServer(KEYCLOAK_URL, KeycloakServer.REALM, mail.smtpHost(), mail.smtpPort());
            master = KeycloakBuilder.builder().serverUrl(KEYCLOAK_URL).realm("master").clientId("admin-cli")
                    .grantType(OAuth2Constants.PASSWORD)
                    .username(KeycloakServer.ADMIN_USERNAME).password(KeycloakServer.ADMIN_PASSWORD).build();
        }
        return master.realm(KeycloakServer.REALM);
    }

    private String createPartner(String legalName) {
        return createPartner(legalName, "DE");
    }

    private String createPartner(String legalName, String country) {
        TestHttp.Response created = manager().post("/api/onboarding/partners", """
                {"legalName": "%s %s", "partnerType": "OTT_CONTENT", "businessModel": "SELL_THROUGH",
                 "country": "%s", "settlementCurrency": "%s"}
                """.formatted(legalName, UUID.randomUUID(), country, "US".equals(country) ? "USD" : "EUR"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A staff-made partner whose admin {@code <name>-<partner>@partner.example} is provisioned. */
    private String provisionedPartner(String legalName, String adminName) {
        return provisionedPartner(legalName, adminName, "DE");
    }

    private String provisionedPartner(String legalName, String adminName, String country) {
        realm();
        String partner = createPartner(legalName, country);
        TestHttp.Response started = manager().post(identity(partner), admin(adminName, partner));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        awaitDone(partner);
        return partner;
    }

    private JsonNode awaitDone(String partner) {
        return await().atMost(Duration.ofMinutes(3)).until(() -> manager().get(identity(partner)).json(),
                view -> "DONE".equals(view.get("state").asString()));
    }

    private static String admin(String name, String partner) {
        return "{\"adminEmail\":\"" + name + "-" + partner + "@partner.example\",\"adminFirstName\":\"" + name
                + "\",\"adminLastName\":\"Example\"}";
    }

    private static String invitation(String email, String role) {
        return "{\"email\":\"" + email + "\",\"firstName\":\"Col\",\"lastName\":\"League\",\"role\":\"" + role
                + "\"}";
    }

    private static String invitation(String email, String role, String locale) {
        return "{\"email\":\"" + email + "\",\"firstName\":\"Col\",\"lastName\":\"League\",\"role\":\"" + role
                + "\",\"locale\":\"" + locale + "\"}";
    }

    /** The user's own locale attribute in Keycloak. */
    private static List<String> locale(String username) {
        UserRepresentation user = realm().users().searchByUsername(username, true).getFirst();
        return user.getAttributes() == null ? List.of() : user.getAttributes().getOrDefault("locale", List.of());
    }

    /** A user made by hand in Keycloak, as the realm file's demo users are: the partner_id is its own attribute. */
    private static String userWithPartnerId(String name, String partner, String role) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name + "@partner.example");
        user.setEmail(name + "@partner.example");
        user.setFirstName("Hand");
        user.setLastName("Made");
        user.setEnabled(true);
        user.singleAttribute("partner_id", partner);
        String id;
        try (Response created = realm().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(created);
        }
        realm().users().get(id).roles().realmLevel().add(List.of(realm().roles().get(role).toRepresentation()));
        return id;
    }

    /** A user without a partner_id of its own, in a group made by hand that carries the partner's. */
    private static String memberOfHandMadeGroup(String name, String groupName, String partner) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(groupName);
        group.singleAttribute("partner_id", partner);
        String groupId;
        try (Response created = realm().groups().add(group)) {
            groupId = CreatedResponseUtil.getCreatedId(created);
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name + "@partner.example");
        user.setEmail(name + "@partner.example");
        user.setFirstName("Group");
        user.setLastName("Member");
        user.setEnabled(true);
        String id;
        try (Response created = realm().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(created);
        }
        realm().users().get(id).joinGroup(groupId);
        return id;
    }

    private static void setPassword(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        var user = realm().users().get(userId);
        user.resetPassword(credential);
        var representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        user.update(representation);
    }

    private static TestHttp.Response passwordGrant(String username, String password) {
        return new TestHttp(KEYCLOAK_URL).send("POST", "/realms/accord/protocol/openid-connect/token",
                "grant_type=password&client_id=accord-cli&scope=openid&username=" + encode(username)
                        + "&password=" + encode(password), "application/x-www-form-urlencoded");
    }

    private static JsonNode claims(String username, String password) {
        TestHttp.Response granted = passwordGrant(username, password);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        String payload = granted.json().get("access_token").asString().split("\\.")[1];
        return JsonMapper.builder().build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> list(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> nodes = new ArrayList<>();
        response.json().forEach(nodes::add);
        return nodes;
    }

    private TestHttp manager() {
        return TestHttp.localPort(port).as(TestJwt.staff("pm-paula", Roles.PARTNER_MANAGER));
    }

    private TestHttp partnerAdmin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("pa-" + partner, partner, Roles.PARTNER_ADMIN));
    }

    private static String identity(String partner) {
        return "/api/onboarding/partners/" + partner + "/identity";
    }

    private static String users(String partner) {
        return "/api/onboarding/partners/" + partner + "/users";
    }

    private List<String> auditActions(String partner, String userId) {
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        List<String> actions = new ArrayList<>();
        auditor.get("/api/onboarding/audit?resourceType=partner-user&resourceId=" + userId).json()
                .forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }
}
