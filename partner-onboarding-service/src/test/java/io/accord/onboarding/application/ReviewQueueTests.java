package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner manager finds applications in a long review queue: by name, country, model; sorted; who waits since when. */
@AccordServiceTest
class ReviewQueueTests {

    private static final String REVIEW = "/api/onboarding/admin/applications";

    @LocalServerPort
    int port;

    private TestHttp anonymous;
    private TestHttp manager;
    /** A word only this test's applicants carry in their names, so that other tests' applications do not count. */
    private String marker;

    @BeforeEach
    void clients() {
        anonymous = TestHttp.localPort(port);
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-quinn", Roles.PARTNER_MANAGER));
        StringBuilder letters = new StringBuilder("Qx");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        marker = letters.toString();
    }

    @Test
    void findsApplicationsByNameAsTypedOrNormalisedAndByTradingName() {
        Applicants.Draft alpha = inReview("Alpha-Stream " + marker + " Media GmbH", "DE", "SELL_THROUGH");
        Applicants.Draft beta = inReview("Beta " + marker + " Media GmbH", "DE", "SELL_THROUGH");

        assertThat(ids(queue("name=" + marker))).containsExactlyInAnyOrder(alpha.id(), beta.id());
        assertThat(queue("name=" + marker).header("X-Total-Count")).isEqualTo("2");
        // as duplicate detection normalises it: case, punctuation and the legal form do not matter
        assertThat(ids(queue("name=" + encode("ALPHA STREAM " + marker.toUpperCase() + " media")))).containsExactly(alpha.id());
        assertThat(ids(queue("name=" + encode("Brand of Beta " + marker))))
                .as("the trading name").containsExactly(beta.id());
        assertThat(ids(queue("name=" + encode("Alpha-Stream " + marker + ",Beta " + marker))))
                .as("comma alternatives").containsExactlyInAnyOrder(alpha.id(), beta.id());
        assertThat(ids(queue("name=" + marker + "zz"))).isEmpty();
    }

    @Test
    void filtersByCountryAndBusinessModelAndRefusesValuesNoneHas() {
        Applicants.Draft german = inReview("German " + marker + " Media GmbH", "DE", "SELL_THROUGH");
        Applicants.Draft austrian = inReview("Austrian " + marker + " Media GmbH", "AT", "SELL_THROUGH");
        Applicants.Draft reseller = inReview("Reseller " + marker + " Media GmbH", "DE", "RESELL");

        assertThat(ids(queue("name=" + marker + "&country=AT"))).containsExactly(austrian.id());
        assertThat(ids(queue("name=" + marker + "&country=at,DE"))).hasSize(3);
        assertThat(ids(queue("name=" + marker + "&businessModel=RESELL"))).containsExactly(reseller.id());
        assertThat(ids(queue("name=" + marker + "&businessModel=SELL_THROUGH&country=DE")))
                .containsExactly(german.id());

        TestHttp.Response country = queue("country=XX");
        assertThat(country.status()).isEqualTo(400);
        assertThat(country.body()).contains("country", "XX");
        TestHttp.Response model = queue("businessModel=WHOLESALE");
        assertThat(model.status()).isEqualTo(400);
        assertThat(model.body()).contains("businessModel", "WHOLESALE", "RESELL", "SELL_THROUGH", "CO_CREATE");
    }

    @Test
    void sortsByAWhitelistedAttributeAndNamesTheAllowedOnesOtherwise() {
        Applicants.Draft charlie = inReview("Charlie " + marker + " Media GmbH", "DE", "SELL_THROUGH");
        Applicants.Draft alpha = inReview("alpha " + marker + " Media GmbH", "DE", "SELL_THROUGH");
        Applicants.Draft bravo = inReview("Bravo " + marker + " Media GmbH", "DE", "SELL_THROUGH");

        assertThat(ids(queue("name=" + marker))).as("default: oldest submission first")
                .containsExactly(charlie.id(), alpha.id(), bravo.id());
        assertThat(ids(queue("name=" + marker + "&sort=-submittedAt")))
                .containsExactly(bravo.id(), alpha.id(), charlie.id());
        assertThat(ids(queue("name=" + marker + "&sort=legalName")))
                .as("any case").containsExactly(alpha.id(), bravo.id(), charlie.id());
        assertThat(ids(queue("name=" + marker + "&sort=-legalName&limit=2")))
                .containsExactly(charlie.id(), bravo.id());

        TestHttp.Response unknown = queue("sort=priority");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("priority", "submittedAt", "-submittedAt", "legalName", "waitingSince");
        assertThat(queue("q=" + marker).status()).as("still no free parameters").isEqualTo(400);
    }

    @Test
    void eachRowSaysSinceWhenAndOnWhomItWaits() {
        Applicants.Draft answered = inReview("Waiting " + marker + " Media GmbH", "DE", "SELL_THROUGH");
        Applicants.Draft reviewed = inReview("Reviewed " + marker + " Media GmbH", "DE", "SELL_THROUGH");
        TestHttp.Response asked = manager.post(REVIEW + "/" + answered.id() + "/information-request",
                "{\"reason\":\"Please upload the bank proof\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);

        JsonNode inReview = queue("name=" + marker).json();
        assertThat(inReview).singleElement().satisfies(row -> {
            assertThat(row.get("id").asString()).isEqualTo(reviewed.id());
            assertThat(row.get("waitingOn").asString()).isEqualTo("CSP");
            assertThat(row.get("waitingSince").asString()).isEqualTo(row.get("lastSubmittedAt").asString());
        });
        JsonNode infoRequested = queue("name=" + marker + "&status=INFO_REQUESTED").json();
        assertThat(infoRequested).singleElement().satisfies(row -> {
            assertThat(row.get("waitingOn").asString()).isEqualTo("APPLICANT");
            assertThat(row.get("waitingSince").asString()).isEqualTo(row.get("decidedAt").asString());
        });
        assertThat(ids(queue("name=" + marker + "&status=IN_REVIEW,INFO_REQUESTED&sort=-waitingSince")))
                .as("the information request is the latest move").containsExactly(answered.id(), reviewed.id());
        assertThat(ids(queue("name=" + marker + "&status=IN_REVIEW,INFO_REQUESTED&sort=waitingSince")))
                .containsExactly(reviewed.id(), answered.id());
        assertThat(answered.get(anonymous).json().has("waitingOn")).as("staff views only").isFalse();
    }

    private Applicants.Draft inReview(String legalName, String country, String businessModel) {
        String form = Applicants.cleanOtt(legalName, Applicants.uniqueGermanVat())
                .replace("\"country\": \"DE\"", "\"country\": \"" + country + "\"")
                .replace("\"SELL_THROUGH\"", "\"" + businessModel + "\"");
        Applicants.Draft draft = Applicants.apply(anonymous, form);
        draft.attach(anonymous, "TAX_FORM");
        TestHttp.Response submitted = draft.submit(anonymous);
        assertThat(submitted.json().get("status").asString()).as(submitted.body()).isEqualTo("IN_REVIEW");
        return draft;
    }

    private TestHttp.Response queue(String query) {
        return manager.get(REVIEW + "?" + query);
    }

    private static List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(row -> ids.add(row.get("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
