package io.accord.portal.partneruser;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A partner admin's users page: the list, inviting a colleague, changing a role, removing a user (onboarding's API). */
class PartnerUsersControllerTests extends PortalTestSupport {

    private static final String USERS = "/api/onboarding/partners/" + PARTNER_A + "/users";
    private static final String COLLEAGUE = "7c0e0000-0000-4000-8000-0000000000b2";
    private static final String COLLEAGUE_PATH = USERS + "/" + COLLEAGUE;

    PartnerUsersControllerTests(MockMvc mvc) {
        super(mvc);
    }

    /** The admin itself, a colleague who has not set a password yet, and a removed user. */
    private static void answersThreeUsers() {
        STUB.answerJson("GET", USERS, """
                [{"userId":"7c0e0000-0000-4000-8000-0000000000a1","username":"partner-admin","email":"admin@a.example",
                  "firstName":"Ada","lastName":"Admin","role":"partner-admin","enabled":true,"invitationPending":false},
                 {"userId":"%s","username":"jane@a.example","email":"jane@a.example","firstName":"Jane",
                  "lastName":"Doe","role":"partner-user","enabled":true,"invitationPending":true},
                 {"userId":"7c0e0000-0000-4000-8000-0000000000c3","username":"old@a.example","email":"old@a.example",
                  "firstName":"Olaf","lastName":"Old","role":"partner-user","enabled":false,"invitationPending":false}]
                """.formatted(COLLEAGUE));
    }

    @Test
    void aPartnerAdminSeesItsUsersWithRoleAccessAndInvitationAndMayActOnOthers() throws Exception {
        answersThreeUsers();

        String page = mvc.perform(get("/users").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"/users\" aria-current=\"page\">Users</a>"),
                        containsString("<th scope=\"col\">Invitation</th>"), containsString("Jane Doe"),
                        containsString("jane@a.example"), containsString("Pending: no password set yet"),
                        containsString("Partner admin"), containsString("Removed: can no longer log in."),
                        containsString("action=\"/users/" + COLLEAGUE + "/role\""),
                        containsString("action=\"/users/" + COLLEAGUE + "/removal\""),
                        containsString("data-confirm=\"Remove Jane Doe (jane@a.example)? They are signed out at once"),
                        containsString("<label for=\"role-" + COLLEAGUE + "\""),
                        containsString("Another partner admin changes your own account."),
                        containsString("<label for=\"invite-email\">E-mail *</label>"))))
                .andReturn().getResponse().getContentAsString();
        // the admin's own row and the removed user's offer no action
        assertThat(page).doesNotContain("/users/7c0e0000-0000-4000-8000-0000000000a1/")
                .doesNotContain("/users/7c0e0000-0000-4000-8000-0000000000c3/");
        assertThat(STUB.requestsTo("GET", USERS)).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer partner-token"));
    }

    @Test
    void partnerUsersNeitherSeeNorOpenThePageWhichOnboardingDoesNotLetThemRead() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");
        var user = TestUsers.partner("partner-user");

        mvc.perform(get("/catalog").with(user))
                .andExpect(content().string(not(containsString("href=\"/users\""))));
        mvc.perform(get("/users").with(user)).andExpect(status().isForbidden());
        mvc.perform(post("/users").with(csrf()).with(user).param("email", "x@a.example").param("firstName", "X")
                .param("lastName", "Y").param("role", "partner-user")).andExpect(status().isForbidden());
        assertThat(STUB.requestsTo("GET", USERS)).isEmpty();
        assertThat(STUB.requestsTo("POST", USERS)).isEmpty();
    }

    @Test
    void invitingSendsTheColleagueAndSaysSo() throws Exception {
        STUB.answerJson("POST", USERS, 201, """
                {"userId":"%s","email":"jane@a.example","role":"partner-user","enabled":true,"invitationPending":true,
                 "invitationError":null}""".formatted(COLLEAGUE), Map.of());

        mvc.perform(post("/users").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("email", " Jane@A.example ").param("firstName", " Jane").param("lastName", "Doe ")
                        .param("role", "partner-user"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("noticeKey", "users.invited"))
                .andExpect(flash().attribute("noticeName", "jane@a.example"));

        assertThat(STUB.requestsTo("POST", USERS)).singleElement().satisfies(call -> assertThat(call.body())
                .isEqualTo("{\"email\":\"jane@a.example\",\"firstName\":\"Jane\",\"lastName\":\"Doe\","
                        + "\"role\":\"partner-user\"}"));

        answersThreeUsers();
        mvc.perform(get("/users").with(TestUsers.partner("partner-admin")).flashAttr("noticeKey", "users.invited")
                        .flashAttr("noticeName", "jane@a.example"))
                .andExpect(content().string(containsString("The invitation was sent to jane@a.example.")));
    }

    @Test
    void anInvitationWhoseEMailKeycloakCouldNotSendSaysSo() throws Exception {
        STUB.answerJson("POST", USERS, 201, """
                {"userId":"%s","email":"jane@a.example","invitationPending":true,
                 "invitationError":"send the invitation e-mail: 500 Internal Server Error"}""".formatted(COLLEAGUE),
                Map.of());

        mvc.perform(post("/users").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("email", "jane@a.example").param("firstName", "Jane").param("lastName", "Doe")
                        .param("role", "partner-admin"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "users.invited.mailFailed"));
    }

    @Test
    void anInvalidInvitationIsShownAtItsFieldsAndInASummaryWithNothingSent() throws Exception {
        answersThreeUsers();

        mvc.perform(post("/users").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("email", "jane-at-example").param("firstName", " ").param("lastName", "x".repeat(101))
                        .param("role", "platform-admin"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"invite-problem\""),
                        containsString("Please correct the 4 marked field(s)."),
                        containsString("<a href=\"#invite-email\">E-mail: Enter a valid e-mail address"),
                        containsString("<a href=\"#invite-firstName\">First name: Enter your colleague&#39;s first name.</a>"),
                        containsString("<a href=\"#invite-role\">Role: Choose partner admin or partner user.</a>"),
                        containsString("aria-invalid=\"true\" aria-describedby=\"invite-email-error\""),
                        containsString("id=\"invite-lastName-error\" class=\"field-error\">Enter at most 100 characters."),
                        containsString("value=\"jane-at-example\""))));

        assertThat(STUB.requestsTo("POST", USERS)).isEmpty();
    }

    @Test
    void onboardingsRefusalsOfAnInvitationAreShownAtTheFieldsInTheUsersLanguage() throws Exception {
        answersThreeUsers();
        var admin = TestUsers.partner("partner-admin");
        STUB.answerJson("POST", USERS, 409, """
                {"type":"https://accord.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"The e-mail address is in use by another account already; invite the colleague with another address"}
                """, Map.of());

        mvc.perform(post("/users").with(csrf()).with(admin).header("Accept-Language", "de")
                        .param("email", "taken@b.example").param("firstName", "Jane").param("lastName", "Doe")
                        .param("role", "partner-user"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("id=\"invite-email-error\" class=\"field-error\">Diese E-Mail-Adresse gehört zu einem anderen Konto."),
                        containsString("Bitte korrigieren Sie die markierten Angaben."),
                        not(containsString("in use by another account")), containsString("value=\"taken@b.example\""))));

        STUB.answerJson("POST", USERS, 400, """
                {"type":"https://accord.dev/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"The request has invalid fields: firstName",
                 "violations":[{"field":"firstName","message":"must not be blank"}]}""", Map.of());
        mvc.perform(post("/users").with(csrf()).with(admin).header("Accept-Language", "de")
                        .param("email", "jane@a.example").param("firstName", "Jane").param("lastName", "Doe")
                        .param("role", "partner-user"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"invite-firstName-error\" class=\"field-error\">Bitte füllen Sie dieses Feld aus."),
                        not(containsString("The request has invalid fields")))));

        STUB.answerJson("POST", USERS, 409, """
                {"type":"https://accord.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"Partner %s has no users in Keycloak yet: its identity provisioning is not done"}
                """.formatted(PARTNER_A), Map.of());
        mvc.perform(post("/users").with(csrf()).with(admin)
                        .param("email", "jane@a.example").param("firstName", "Jane").param("lastName", "Doe")
                        .param("role", "partner-user"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("its accounts are still being set up, or the partner is not active"),
                        not(containsString("identity provisioning")))));
    }

    @Test
    void aUserDirectoryThatDoesNotAnswerKeepsTheFormAndSaysNothingChangedUnlessListed() throws Exception {
        answersThreeUsers();
        STUB.answerJson("POST", USERS, 503, """
                {"title":"Service Unavailable","status":503,"detail":"Keycloak, the partner's users: connection refused"}
                """, Map.of());

        mvc.perform(post("/users").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("email", "jane@a.example").param("firstName", "Jane").param("lastName", "Doe")
                        .param("role", "partner-user"))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(allOf(
                        containsString("The user directory is not available right now. Nothing was changed unless the list shows it"),
                        containsString("value=\"jane@a.example\""), not(containsString("connection refused")))));
    }

    @Test
    void removingAUserSendsTheRemovalAndRefusalsAreShownWithNothingChanged() throws Exception {
        var admin = TestUsers.partner("partner-admin");
        STUB.answerJson("DELETE", COLLEAGUE_PATH, "{\"userId\":\"%s\",\"enabled\":false}".formatted(COLLEAGUE));

        mvc.perform(post("/users/" + COLLEAGUE + "/removal").with(csrf()).with(admin).param("name", "Jane Doe"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("noticeKey", "users.removed"))
                .andExpect(flash().attribute("noticeName", "Jane Doe"));
        assertThat(STUB.requestsTo("DELETE", COLLEAGUE_PATH)).hasSize(1);

        answersThreeUsers();
        STUB.answerJson("DELETE", COLLEAGUE_PATH, 409, """
                {"type":"https://accord.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"User jane@a.example is the partner's last enabled partner-admin and cannot be removed"}
                """, Map.of());
        mvc.perform(post("/users/" + COLLEAGUE + "/removal").with(csrf()).with(admin).param("name", "Jane Doe"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"users-problem\""),
                        containsString("Your partner must keep at least one enabled partner admin."))));

        STUB.answerJson("DELETE", COLLEAGUE_PATH, 404, """
                {"type":"https://accord.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"User of the partner %s not found"}""".formatted(COLLEAGUE), Map.of());
        mvc.perform(post("/users/" + COLLEAGUE + "/removal").with(csrf()).with(admin).header("Accept-Language", "de"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Dieser Benutzer gehört nicht (mehr) zu Ihrem Partner."),
                        containsString("Benutzer Ihres Partners"))));
    }

    @Test
    void changingARoleSendsItAndAnUnknownRoleOrIdSendsNothing() throws Exception {
        var admin = TestUsers.partner("partner-admin");
        STUB.answerJson("PUT", COLLEAGUE_PATH + "/role", "{\"userId\":\"%s\",\"role\":\"partner-admin\"}"
                .formatted(COLLEAGUE));

        mvc.perform(post("/users/" + COLLEAGUE + "/role").with(csrf()).with(admin).param("role", "partner-admin")
                        .param("name", "Jane Doe"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "users.roleChanged.admin"));
        assertThat(STUB.requestsTo("PUT", COLLEAGUE_PATH + "/role")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"role\":\"partner-admin\"}"));

        STUB.reset();
        answersThreeUsers();
        mvc.perform(post("/users/" + COLLEAGUE + "/role").with(csrf()).with(admin).param("role", "platform-admin"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose partner admin or partner user.")));
        mvc.perform(post("/users/not-a-uuid/role").with(csrf()).with(admin).param("role", "partner-user"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/users/" + COLLEAGUE + "/removal").with(admin)).andExpect(status().isForbidden());
        assertThat(STUB.requestsTo("PUT", COLLEAGUE_PATH + "/role")).isEmpty();
        assertThat(STUB.requestsTo("DELETE", COLLEAGUE_PATH)).isEmpty();
    }

    @Test
    void thePageReadsInGerman() throws Exception {
        answersThreeUsers();

        mvc.perform(get("/users").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<a href=\"/users\" aria-current=\"page\">Benutzer</a>"),
                        containsString("Kollegen einladen"), containsString("Offen: noch kein Passwort gewählt"),
                        containsString("Partner-Benutzer"), containsString("Einladung senden"))));
    }
}
