package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog KPIs over real offerings, submitted and decided through the API. */
@AccordServiceTest
class OfferingKpisTests {

    private static final String KPIS = "/api/catalog/admin/kpis";

    private final CatalogApi api;
    private final JdbcClient jdbc;

    OfferingKpisTests(@LocalServerPort int port, PartnerView partners, Offerings offerings, JdbcClient jdbc) {
        this.api = new CatalogApi(port, partners, offerings);
        this.jdbc = jdbc;
    }

    @Test
    void countsOfferingsByStateAndMeasuresReviewLeadTimeInTheWindow() {
        UUID owner = api.activePartner("Kpi Media");
        JsonNode before = api.manager.get(KPIS).json().get("offeringsByState");

        api.draft(Owner.partner(owner), OfferingDrafts.single("kpi-draft-" + owner));
        UUID inReview = api.draft(Owner.partner(owner), OfferingDrafts.single("kpi-review-" + owner));
        api.admin(owner).post(CatalogApi.PLAIN + "/" + inReview + "/submission", null);
        UUID[] decided = {
                api.launched(Owner.partner(owner), OfferingDrafts.single("kpi-1-" + owner)),
                api.launched(Owner.partner(owner), OfferingDrafts.single("kpi-2-" + owner)),
                api.launched(Owner.partner(owner), OfferingDrafts.single("kpi-3-" + owner))};
        // a quiet window of its own (2001), so the other tests' decisions do not count: 1 h, 2 h and 4 h in review
        Instant submitted = Instant.parse("2001-03-01T08:00:00Z");
        long[] hours = {1, 2, 4};
        for (int i = 0; i < decided.length; i++) {
            jdbc.sql("update product_offering set submitted_at = :s, decided_at = :d where id = :id")
                    .param("s", at(submitted)).param("d", at(submitted.plusSeconds(hours[i] * 3600)))
                    .param("id", decided[i]).update();
        }

        TestHttp.Response answer = api.staff(Roles.AUDITOR).get(KPIS + "?from=2001-03-01&to=2001-03-02");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode kpis = answer.json();
        JsonNode byState = kpis.get("offeringsByState");
        assertThat(byState.get("DRAFT").asLong()).isGreaterThanOrEqualTo(before.get("DRAFT").asLong() + 1);
        assertThat(byState.get("IN_REVIEW").asLong()).isGreaterThanOrEqualTo(before.get("IN_REVIEW").asLong() + 1);
        assertThat(byState.get("LAUNCHED").asLong()).isGreaterThanOrEqualTo(before.get("LAUNCHED").asLong() + 3);
        assertThat(byState.has("RETIRED")).isTrue();
        assertThat(kpis.get("window").get("from").asString()).isEqualTo("2001-03-01T00:00:00Z");
        JsonNode lead = kpis.get("reviewLeadTime");
        assertThat(lead.get("count").asLong()).isEqualTo(3);
        assertThat(lead.get("medianSeconds").asDouble()).isEqualTo(7200.0);
        assertThat(lead.get("p90Seconds").asDouble()).isEqualTo(12960.0); // 7,200 + 0.8 x (14,400 - 7,200)
        assertThat(lead.get("maxSeconds").asDouble()).isEqualTo(14400.0);
    }

    @Test
    void anEmptyWindowHasNoLeadTime() {
        JsonNode lead = api.manager.get(KPIS + "?from=1990-01-01&to=1990-02-01").json().get("reviewLeadTime");

        assertThat(lead.get("count").asLong()).isZero();
        assertThat(lead.get("medianSeconds").isNull()).isTrue();
    }

    @Test
    void refusesABadWindowAndPartners() {
        TestHttp.Response bad = api.manager.get(KPIS + "?from=last-week");
        UUID partner = api.activePartner("Kpi Curious");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("violations").get(0).get("field").asString()).isEqualTo("from");
        assertThat(api.admin(partner).get(KPIS).status()).isEqualTo(403);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
