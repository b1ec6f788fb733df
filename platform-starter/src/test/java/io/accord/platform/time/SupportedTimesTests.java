package io.accord.platform.time;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.platform.problem.InvalidInputException;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Times a request may carry, from 1900-01-01 to 9999-12-31 UTC: in a query parameter, a typed parameter or a body,
 * a time outside is a 400 naming the field and nothing is stored; the boundaries themselves are stored by the real
 * test PostgreSQL.
 */
@StarterTestApplication.Test
class SupportedTimesTests {

    private final TestHttp http;
    private final JdbcClient jdbc;

    SupportedTimesTests(@LocalServerPort int port, JdbcClient jdbc) {
        this.http = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
        this.jdbc = jdbc;
    }

    @Test
    void theRangesEndsAreStoredExactlyWhicheverWayATimeIsBound() {
        assertThat(stored(Timestamp.from(SupportedTimes.EARLIEST))).isEqualTo("1900-01-01 00:00:00.000000")
                .isEqualTo(stored(SupportedTimes.EARLIEST.atOffset(ZoneOffset.UTC)));
        assertThat(stored(Timestamp.from(SupportedTimes.LATEST))).isEqualTo("9999-12-31 23:59:59.999999")
                .isEqualTo(stored(SupportedTimes.LATEST.atOffset(ZoneOffset.UTC)));
        // why the range no longer starts in year 1: bound as a Timestamp (Hibernate's Instant columns), a time
        // before the Gregorian calendar went through the Julian one and was stored two days later
        Instant yearOne = Instant.parse("0001-01-01T00:00:00Z");
        assertThat(stored(yearOne.atOffset(ZoneOffset.UTC))).isEqualTo("0001-01-01 00:00:00.000000");
        assertThat(stored(Timestamp.from(yearOne))).isNotEqualTo("0001-01-01 00:00:00.000000");
    }

    private String stored(Object time) {
        return jdbc.sql("select to_char(cast(:time as timestamptz) at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
                .param("time", time).query(String.class).single();
    }

    @Test
    void theRangeIsTheFourDigitYearsToTheMicrosecond() {
        assertThat(SupportedTimes.contains(SupportedTimes.EARLIEST)).isTrue();
        assertThat(SupportedTimes.contains(SupportedTimes.LATEST)).isTrue();
        assertThat(SupportedTimes.contains(SupportedTimes.EARLIEST.minusNanos(1))).isFalse();
        assertThat(SupportedTimes.contains(SupportedTimes.LATEST.plusNanos(1))).isFalse();
        assertThat(SupportedTimes.contains(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(SupportedTimes.contains(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(SupportedTimes.contains(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(SupportedTimes.contains(OffsetDateTime.parse("1900-01-01T00:30:00+01:00"))).isFalse();
        assertThat(SupportedTimes.contains(null)).isTrue();
    }

    @Test
    void queryParametersAreReadAsIsoAndCheckedNamingTheParameter() {
        assertThat(SupportedTimes.instantOrDate("from", "2026-11-01"))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(SupportedTimes.instant("at", " 2026-11-01T01:00:00+01:00 "))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(SupportedTimes.date("day", "")).isNull();
        // to the microsecond, as PostgreSQL keeps it: what is answered is what is stored
        assertThat(SupportedTimes.instant("at", "2030-01-01T00:00:00.0000017Z"))
                .isEqualTo(Instant.parse("2030-01-01T00:00:00.000001Z"));
        assertThat(SupportedTimes.instant("at", "9999-12-31T23:59:59.9999999Z")).isEqualTo(SupportedTimes.LATEST);
        for (String far : new String[] {"+300000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-12-31",
                "0001-01-01", "1899-12-31T23:59:59Z"}) {
            assertThatThrownBy(() -> SupportedTimes.instantOrDate("to", far)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(SupportedTimes.RANGE).extracting("field").isEqualTo("to");
        }
        assertThatThrownBy(() -> SupportedTimes.date("day", "-4800-01-01")).hasMessageContaining(SupportedTimes.RANGE);
        assertThatThrownBy(() -> SupportedTimes.instant("at", "2026-11-01")).hasMessageContaining("ISO-8601 instant");
    }

    @Test
    void aTypedParameterOutsideTheRangeIsA400NamingIt() {
        TestHttp.Response read = http.get("/api/times?at=9999-12-31T23:59:59.9999999Z&day=1900-01-01");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("at").asString()).isEqualTo("9999-12-31T23:59:59.999999Z");
        assertThat(read.json().path("day").asString()).isEqualTo("1900-01-01");

        for (String query : new String[] {"at=%2B300000-01-01T00:00:00Z", "at=-999999999-01-01T00:00:00Z",
                "day=-4800-01-01", "day=%2B10000-01-01", "day=1899-12-31", "at=0001-01-01T00:00:00Z"}) {
            TestHttp.Response refused = http.get("/api/times?" + query);

            assertThat(refused.status()).as(query + " -> " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("violations").get(0).path("field").asString())
                    .isEqualTo(query.substring(0, query.indexOf('=')));
            assertThat(refused.json().path("detail").asString()).contains(SupportedTimes.RANGE);
        }
        assertThat(http.get("/api/times?at=yesterday").json().path("detail").asString())
                .contains("must be an ISO-8601 date-time with offset").contains("or a date");
        // a date alone is its midnight UTC, as every operation's time parameters read it
        assertThat(http.get("/api/times?at=2026-11-01").json().path("at").asString())
                .isEqualTo("2026-11-01T00:00:00Z");
        assertThat(http.get("/api/times?at=2026-02-30").status()).isEqualTo(400);
    }

    @Test
    void aBodyTimeOutsideTheRangeIsA400NamingItsFieldAndNothingIsStored() {
        String label = "span-" + UUID.randomUUID();
        String[] bodies = {
                "{\"label\": \"" + label + "\", \"at\": \"+300000-01-01T00:00:00Z\"}",
                "{\"label\": \"" + label + "\", \"until\": \"-4800-01-01T00:00:00+02:00\"}",
                "{\"label\": \"" + label + "\", \"day\": \"+10000-01-01\"}"};
        String[] fields = {"at", "until", "day"};
        for (int i = 0; i < bodies.length; i++) {
            TestHttp.Response refused = http.post("/api/times", bodies[i]);

            assertThat(refused.status()).as(bodies[i] + " -> " + refused).isEqualTo(400);
            assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo(fields[i]);
            assertThat(refused.json().path("detail").asString()).contains(SupportedTimes.RANGE);
        }

        // a time is a text: Jackson would read a number as seconds since 1970, an array as its fields
        String[] notText = {
                "{\"label\": \"" + label + "\", \"at\": 12345}",
                "{\"label\": \"" + label + "\", \"at\": 9999999999999}",
                "{\"label\": \"" + label + "\", \"until\": 1.5}",
                "{\"label\": \"" + label + "\", \"day\": [2026, 12, 31]}",
                "{\"label\": \"" + label + "\", \"day\": true}"};
        String[] notTextFields = {"at", "at", "until", "day", "day"};
        for (int i = 0; i < notText.length; i++) {
            TestHttp.Response refused = http.post("/api/times", notText[i]);

            assertThat(refused.status()).as(notText[i] + " -> " + refused).isEqualTo(400);
            assertThat(refused.json().path("violations").get(0).path("field").asString())
                    .isEqualTo(notTextFields[i]);
            assertThat(refused.json().path("detail").asString()).as(notText[i]).contains("ISO-8601 text");
        }
        assertThat(jdbc.sql("select count(*) from starter_time where label = :label").param("label", label)
                .query(Long.class).single()).isZero();

        TestHttp.Response stored = http.post("/api/times", "{\"label\": \"" + label + "\","
                + " \"at\": \"9999-12-31T23:59:59.9999999Z\", \"until\": \"1900-01-01T01:00:00+01:00\","
                + " \"day\": \"9999-12-31\"}");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json().path("stored").asLong()).isEqualTo(1);
        // a body's time is read to the microsecond PostgreSQL keeps (it would round the seventh digit up, past 9999)
        assertThat(jdbc.sql("select to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') from starter_time"
                + " where label = :label").param("label", label).query(String.class).single())
                .isEqualTo("9999-12-31 23:59:59.999999");
        assertThat(OffsetDateTime.parse("1900-01-01T01:00:00+01:00").withOffsetSameInstant(ZoneOffset.UTC))
                .isEqualTo(SupportedTimes.EARLIEST.atOffset(ZoneOffset.UTC));
    }
}
