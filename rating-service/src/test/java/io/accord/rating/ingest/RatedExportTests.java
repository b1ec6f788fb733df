package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.JSON;
import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sellThroughAgreement;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The streamed export of a partner's rated records (package io.accord.rating.export): both formats, tenancy. */
@AccordServiceTest
class RatedExportTests {

    private static final String HEADER = "ratedId,source,usageId,subscriberId,usageTime,usageType,quantity,unit,"
            + "currency,charge,partnerAmount,direction,offeringId,productInstanceId,reversalOf,measuredQuantity,measuredUnit,"
            + "taxCategory,sequence,priceVersionId,priceVersion,agreementId,agreementVersion,sharePercent";

    private final RatingModel model;
    private final JdbcClient jdbc;

    RatedExportTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    @LocalServerPort
    int port;

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("fin-1", Roles.FINANCE));
    }

    @Test
    void aPartnersRatedRecordsAreStreamedAsNdjsonOrCsvAndOnlyToThatPartnerOrStaff() {
        String id = unique();
        String subscriber = "+49174" + id;
        String source = "ex-" + id;
        String partnerId = UUID.randomUUID().toString();
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering("off-" + id, partnerId, "0.01", "REDUCED");
        activate("prod-" + id, subscriber, "off-" + id, partnerId);
        awaitRatable(model, subscriber);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        JsonNode answer = staff().as(TestJwt.staff("ops-1", Roles.OPS)).post("/tmf-api/usageManagement/v4/usage/batch",
                "[" + RerateFixtures.usage(source, "a", subscriber, 61, hour.plusMinutes(5)) + ","
                        + RerateFixtures.usage(source, "=b,\\\"quoted\\\"", subscriber, 120, hour.plusMinutes(10)) + ","
                        + RerateFixtures.usage(source, "late", subscriber, 60, hour.plusHours(1)) + "]").json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(3);
        String range = "&from=" + hour.toInstant() + "&to=" + hour.plusHours(1).toInstant();

        TestHttp.Response ndjson = staff().get("/api/rating/rated?partnerId=" + partnerId + range);
        assertThat(ndjson.status()).as(ndjson.toString()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(2); // usage time in [from, to): the record of the next hour is not in it
        JsonNode first = lines.getFirst();
        assertThat(first.propertyNames()).containsExactly("ratedId", "source", "usageId", "subscriberId",
                "usageTime", "usageType", "quantity", "unit", "currency", "charge", "partnerAmount", "direction",
                "offeringId", "productInstanceId", "reversalOf", "measuredQuantity", "measuredUnit", "taxCategory",
                "sequence", "priceVersionId", "priceVersion", "agreementId", "agreementVersion", "sharePercent");
        assertThat(first.path("source").asString()).isEqualTo(source);
        assertThat(first.path("usageId").asString()).isEqualTo("a");
        assertThat(first.path("subscriberId").asString()).isEqualTo(subscriber);
        // written as UsageRated writes it, seconds included (OffsetDateTime's toString gave 10:05+01:00)
        assertThat(first.path("usageTime").asString()).isEqualTo(
                java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(hour.plusMinutes(5)));
        assertThat(first.path("usageType").asString()).isEqualTo("VOICE");
        assertThat(first.path("quantity").asString()).isEqualTo("61.000000");
        assertThat(first.path("unit").asString()).isEqualTo("S");
        assertThat(first.path("currency").asString()).isEqualTo("EUR");
        assertThat(first.path("charge").asString()).isEqualTo("0.610000");
        assertThat(first.path("partnerAmount").asString()).isEqualTo("0.183000");
        assertThat(first.path("direction").asString()).isEqualTo("PAYABLE_TO_PARTNER");
        assertThat(first.path("offeringId").asString()).isEqualTo("off-" + id);
        assertThat(first.path("productInstanceId").asString()).isEqualTo("prod-" + id);
        assertThat(first.path("reversalOf").asString()).isEmpty();
        assertThat(first.path("measuredQuantity").asString()).isEqualTo("61.000000");
        assertThat(first.path("measuredUnit").asString()).isEqualTo("S");
        assertThat(first.path("taxCategory").asString()).isEqualTo("REDUCED");
        // what an auditor traces the figure by, as the usage's fate shows it: the rated sequence, the price version,
        // this partner's agreement version and share
        JsonNode fate = staff().get("/api/rating/usage/" + source + "/a").json().path("ratings").get(0);
        assertThat(first.path("sequence").asString()).isEqualTo(fate.path("sequence").asString())
                .isEqualTo(jdbc.sql("select seq from usage_rated where rated_id = cast(:id as uuid)")
                        .param("id", first.path("ratedId").asString()).query(Long.class).single().toString());
        assertThat(first.path("priceVersionId").asString()).isEqualTo("off-" + id + "-voice-v1")
                .isEqualTo(fate.path("priceVersionId").asString());
        assertThat(first.path("priceVersion").asString()).isEqualTo("1");
        assertThat(first.path("agreementId").asString()).isEqualTo("agr-" + partnerId)
                .isEqualTo(fate.path("agreements").get(0).path("agreementId").asString());
        assertThat(first.path("agreementVersion").asString()).isEqualTo("1");
        assertThat(first.path("sharePercent").asString()).isEqualTo("30")
                .isEqualTo(fate.path("parties").get(0).path("sharePercent").asString());
        assertThat(lines.get(1).path("usageId").asString()).isEqualTo("=b,\"quoted\"");
        assertThat(Long.parseLong(lines.get(1).path("sequence").asString()))
                .isGreaterThan(Long.parseLong(first.path("sequence").asString()));

        TestHttp.Response csv = staff().header("Accept", "text/csv")
                .get("/api/rating/rated?partnerId=" + partnerId + range);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.body().split("\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).isEqualTo(HEADER);
        // texts a spreadsheet would take for a formula (an E.164 number starts with +) are written after a '
        assertThat(rows[1]).isEqualTo(String.join(",", first.path("ratedId").asString(), source, "a",
                "'" + subscriber,
                first.path("usageTime").asString(), "VOICE", "61.000000", "S", "EUR", "0.610000", "0.183000",
                "PAYABLE_TO_PARTNER", "off-" + id, "prod-" + id, "", "61.000000", "S", "REDUCED",
                first.path("sequence").asString(), "off-" + id + "-voice-v1", "1", "agr-" + partnerId, "1", "30"));
        assertThat(rows[2]).contains(",\"'=b,\"\"quoted\"\"\",").contains(",1.200000,0.360000,");

        // a partner exports its own records without naming itself; naming another partner is a 404
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("p", partnerId, Roles.PARTNER_USER));
        TestHttp.Response own = partner.get("/api/rating/rated?" + range.substring(1));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().split("\n")).hasSize(2);
        assertThat(partner.get("/api/rating/rated?partnerId=" + UUID.randomUUID() + range).status())
                .isEqualTo(404);
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("q", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        TestHttp.Response nothing = other.get("/api/rating/rated?" + range.substring(1));
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.body()).isEmpty();
        assertThat(other.get("/api/rating/rated?partnerId=" + partnerId + range).status()).isEqualTo(404);

        // up to a sequence number (settlement asks for what it placed in a statement): the first record only
        long firstSequence = jdbc.sql("select seq from usage_rated where rated_id = cast(:id as uuid)")
                .param("id", first.path("ratedId").asString()).query(Long.class).single();
        TestHttp.Response upTo = staff().get("/api/rating/rated?partnerId=" + partnerId + range + "&toSequence="
                + firstSequence);
        assertThat(upTo.status()).as(upTo.toString()).isEqualTo(200);
        assertThat(upTo.body().split("\n")).singleElement().satisfies(line ->
                assertThat(JSON.readTree(line).path("usageId").asString()).isEqualTo("a"));
        assertThat(staff().get("/api/rating/rated?partnerId=" + partnerId + range + "&toSequence="
                + (firstSequence - 1)).body()).isEmpty();
    }

    /**
     * A co-created record: staff export each participant's amount with the whole charge; a participant's own export
     * shows its share only (the charge empty), as the usage fate does (PartnerView).
     */
    @Test
    void aCoCreationParticipantExportsItsShareWithoutTheWholeCharge() {
        String id = unique();
        String subscriber = "+49175" + id;
        String source = "cc-" + id;
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        sellThroughAgreement(first, "30");
        sellThroughAgreement(second, "20");
        launchVoiceOffering("off-" + id, null, "0.01");
        UsageFixtures.activateCoCreated("prod-" + id, subscriber, "off-" + id,
                List.of(new OfferingLaunched.Participant(first, "30"), new OfferingLaunched.Participant(second, "20")));
        awaitRatable(model, subscriber);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        JsonNode answer = staff().as(TestJwt.staff("ops-1", Roles.OPS)).post("/tmf-api/usageManagement/v4/usage",
                RerateFixtures.usage(source, "a", subscriber, 100, hour.plusMinutes(5))).json();
        assertThat(answer.path("status").asString()).as(answer.toString()).isEqualTo("rated");
        String range = "&from=" + hour.toInstant() + "&to=" + hour.plusHours(1).toInstant();

        JsonNode staffLine = JSON.readTree(staff().get("/api/rating/rated?partnerId=" + first + range).body());
        assertThat(staffLine.path("charge").asString()).isEqualTo("1.000000");
        assertThat(staffLine.path("partnerAmount").asString()).isEqualTo("0.300000");

        TestHttp participant = TestHttp.localPort(port).as(TestJwt.partner("p", first, Roles.PARTNER_USER));
        JsonNode own = JSON.readTree(participant.get("/api/rating/rated?" + range.substring(1)).body());
        assertThat(own.path("usageId").asString()).isEqualTo("a");
        assertThat(own.path("charge").asString()).isEmpty();
        assertThat(own.path("partnerAmount").asString()).isEqualTo("0.300000");
        assertThat(own.path("direction").asString()).isEqualTo("PAYABLE_TO_PARTNER");
        String[] csv = participant.header("Accept", "text/csv").get("/api/rating/rated?" + range.substring(1))
                .body().split("\n");
        assertThat(csv).hasSize(2);
        assertThat(csv[1].split(",", -1)[9]).isEmpty();
        assertThat(csv[1].split(",", -1)[10]).isEqualTo("0.300000");
    }

    @Test
    void staffExportTheCspsOwnUsageAsPartnerNone() {
        String id = unique();
        String subscriber = "+49175" + id;
        String source = "own-" + id;
        String partnerId = UUID.randomUUID().toString();
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering("own-" + id, null, "0.01");
        activate("own-prod-" + id, subscriber, "own-" + id, null);
        launchVoiceOffering("ptn-" + id, partnerId, "0.01");
        activate("ptn-prod-" + id, "+49176" + id, "ptn-" + id, partnerId);
        awaitRatable(model, subscriber);
        awaitRatable(model, "+49176" + id);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        JsonNode answer = staff().as(TestJwt.staff("ops-1", Roles.OPS)).post("/tmf-api/usageManagement/v4/usage/batch",
                "[" + RerateFixtures.usage(source, "mine", subscriber, 60, hour.plusMinutes(5)) + ","
                        + RerateFixtures.usage(source, "theirs", "+49176" + id, 60, hour.plusMinutes(6)) + "]")
                .json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(2);
        String range = "&from=" + hour.toInstant() + "&to=" + hour.plusHours(1).toInstant();

        TestHttp.Response own = staff().get("/api/rating/rated?partnerId=none" + range);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : own.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> mine = lines.stream().filter(line -> source.equals(line.path("source").asString())).toList();
        assertThat(mine).extracting(line -> line.path("usageId").asString()).containsExactly("mine");
        assertThat(mine.getFirst().path("charge").asString()).as("staff see the charge").isNotEmpty();
        assertThat(mine.getFirst().path("direction").asString()).isEmpty();
        assertThat(mine.getFirst().path("agreementId").asString()).isEmpty();
        assertThat(own.header("Content-Disposition")).contains("rated-none-");
        // the partner's record is its own export's, not the CSP's
        assertThat(staff().get("/api/rating/rated?partnerId=" + partnerId + range).body()).contains("theirs")
                .doesNotContain("\"mine\"");
        // a partner's export is unchanged: none is no partner id of its own
        TestHttp.Response partner = TestHttp.localPort(port).as(TestJwt.partner("u-" + id, partnerId,
                Roles.PARTNER_ADMIN)).get("/api/rating/rated?partnerId=none" + range);
        assertBad(partner, "partnerId");
    }

    @Test
    void eachWindowsExportIsAFileOfItsOwnName() {
        String partnerId = UUID.randomUUID().toString();
        String november = "/api/rating/rated?partnerId=" + partnerId + "&from=2026-11-01T00:00:00Z&to=2026-12-01";
        String december = "/api/rating/rated?partnerId=" + partnerId
                + "&from=2026-12-01T01:30:00%2B01:00&to=2026-12-07T10:15:30.25Z";

        assertThat(staff().header("Accept", "text/csv").get(november).header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"rated-" + partnerId + "-20261101T000000Z-20261201T000000Z.csv\"");
        assertThat(staff().header("Accept", "text/csv").get(december).header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"rated-" + partnerId + "-20261201T003000Z-20261207T101530.25Z.csv\"");
        assertThat(staff().get(november).header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"rated-" + partnerId
                        + "-20261101T000000Z-20261201T000000Z.ndjson\"");
        // up to a sequence number: one window's exports up to different records do not overwrite each other either
        assertThat(staff().header("Accept", "text/csv").get(november + "&toSequence=%2007").header(
                "Content-Disposition")).isEqualTo("attachment; filename=\"rated-" + partnerId
                        + "-20261101T000000Z-20261201T000000Z-upto7.csv\"");
        assertThat(staff().get(november + "&toSequence=0").header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"rated-" + partnerId
                        + "-20261101T000000Z-20261201T000000Z-upto0.ndjson\"");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        String partnerId = UUID.randomUUID().toString();
        String range = "&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z";
        assertBad(staff().get("/api/rating/rated?" + range.substring(1)), "partnerId");
        assertBad(staff().get("/api/rating/rated?partnerId=nope" + range), "partnerId");
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId + "&to=2026-11-02T00:00:00Z"), "from");
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId + "&from=2026-11-31&to=2026-11-02T00:00:00Z"),
                "from");
        // a date alone is its midnight UTC, as in every time parameter
        assertThat(staff().get("/api/rating/rated?partnerId=" + partnerId + "&from=2026-11-01&to=2026-11-02")
                .status()).isEqualTo(200);
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId + "&from=2026-11-01T00:00:00Z"), "to");
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId
                + "&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"), "to");
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId
                + "&from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z"), "to");
        assertBad(staff().header("Accept", "text/csv").get("/api/rating/rated?partnerId=nope" + range), "partnerId");
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId + range + "&toSequence=-1"), "toSequence");
        assertBad(staff().get("/api/rating/rated?partnerId=" + partnerId + range + "&toSequence=12x"), "toSequence");
        assertThat(TestHttp.localPort(port).get("/api/rating/rated?partnerId=" + partnerId + range).status())
                .isEqualTo(401);
    }

    private static void assertBad(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"" + field + "\"");
    }
}
