package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.contracts.value.Money;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance loads effective-dated rates (audited); the rate in force at an instant is what statements convert at. */
@AccordServiceTest
class FxRateApiTests {

    private static final String RATES = "/api/settlement/fx-rates";

    @LocalServerPort
    int port;

    private final FxRates rates;
    private TestHttp finance;

    FxRateApiTests(FxRates rates) {
        this.rates = rates;
    }

    @BeforeEach
    void clients() {
        finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }

    @Test
    void theRateInForceAtAnInstantIsTheLatestLoadedFromOnOrBeforeIt() {
        String quote = "CHF";
        String base = "SEK";
        load(base, quote, "0.0850", "2026-01-01T00:00:00Z");
        load(base, quote, "0.0861", "2026-03-01T00:00:00Z");
        load(base, quote, "0.0870", "2026-06-01T00:00:00Z");

        assertThat(rates.rateAt(base, quote, Instant.parse("2025-12-31T23:59:59Z"))).isEmpty();
        assertThat(rates.rateAt(base, quote, Instant.parse("2026-03-31T23:59:59Z")).orElseThrow().rate())
                .isEqualByComparingTo("0.0861");
        assertThat(rates.rateAt(base, quote, Instant.parse("2026-03-01T00:00:00Z")).orElseThrow().rate())
                .isEqualByComparingTo("0.0861");
        assertThat(rates.rateAt(base, quote, Instant.parse("2026-02-28T23:59:59Z")).orElseThrow().rate())
                .isEqualByComparingTo("0.0850");
        assertThat(rates.rateAt(quote, base, Instant.parse("2026-03-31T00:00:00Z"))).as("rates are directional")
                .isEmpty();
        assertThat(rates.rateAt("EUR", "EUR", Instant.EPOCH).orElseThrow().rate()).isEqualByComparingTo("1");
        assertThat(rates.rateAt(base, quote, Instant.parse("2026-04-01T00:00:00Z")).orElseThrow()
                .convert(Money.of("1000", base))).isEqualTo(Money.of("86.1", quote));

        TestHttp.Response inForce = finance.get(RATES + "/in-force?base=SEK&quote=CHF&at=2026-06-15T00:00:00Z");
        assertThat(inForce.status()).isEqualTo(200);
        assertThat(inForce.json().get("rate").asString()).isEqualTo("0.087");
        assertThat(finance.get(RATES + "/in-force?base=SEK&quote=CHF&at=2020-01-01T00:00:00Z").status())
                .isEqualTo(404);
        TestHttp.Response listed = finance.get(RATES + "?base=SEK&quote=CHF");
        assertThat(listed.header("X-Total-Count")).isEqualTo("3");
        assertThat(listed.json().get(0).get("rate").asString()).isEqualTo("0.087");
    }

    @Test
    void aPeriodConvertsAtTheRateInForceAtItsLastInstantNotAtTheNextPeriodsFirstRate() {
        load("HUF", "PLN", "0.0110", "2026-10-01T00:00:00Z");
        Instant novemberEnd = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(rates.rateClosing("HUF", "PLN", novemberEnd).orElseThrow().rate()).isEqualByComparingTo("0.011");

        load("HUF", "PLN", "0.0125", "2026-12-01T00:00:00Z");
        assertThat(rates.rateClosing("HUF", "PLN", novemberEnd).orElseThrow().rate())
                .as("December's first rate, loaded later, does not convert November").isEqualByComparingTo("0.011");
        assertThat(rates.rateAt("HUF", "PLN", novemberEnd).orElseThrow().rate()).as("at the instant itself")
                .isEqualByComparingTo("0.0125");
        assertThat(rates.rateClosing("HUF", "PLN", Instant.parse("2026-10-01T00:00:00Z"))).as("nothing before")
                .isEmpty();
        assertThat(rates.rateClosing("PLN", "PLN", novemberEnd).orElseThrow().rate()).isEqualByComparingTo("1");
    }

    @Test
    void aLoadedRateIsAuditedWithItsLoaderAndReadableById() {
        TestHttp.Response created = load("NOK", "DKK", "0.6421", "2026-02-01T00:00:00Z");

        assertThat(created.header("Location")).isEqualTo(RATES + "/" + created.json().get("id").asString());
        assertThat(created.json().get("loadedBy").asString()).isEqualTo("fiona");
        assertThat(finance.get(created.header("Location")).json().get("rate").asString()).isEqualTo("0.6421");
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        TestHttp.Response trail = auditor.get("/api/settlement/audit?resourceId=" + created.json().get("id").asString());
        assertThat(trail.json().valueStream().map(entry -> entry.get("action").asString() + " by "
                + entry.get("actor").asString())).containsExactlyInAnyOrder("loaded by fiona", "confirmed by fred");
    }

    @Test
    void badInputIsA400NamingTheFieldAndLoadsNothing() {
        String validFrom = "2026-05-01T00:00:00Z";
        assertBad(body("usd", "JPY", "1.1", validFrom), "baseCurrency");
        assertBad(body("XXY", "JPY", "1.1", validFrom), "baseCurrency");
        assertBad(body("USD", "USD", "1.1", validFrom), "quoteCurrency");
        assertBad(body("USD", "JPY", "-1", validFrom), "rate");
        assertBad(body("USD", "JPY", "0", validFrom), "rate");
        assertBad(body("USD", "JPY", "one", validFrom), "rate");
        assertBad(body("USD", "JPY", "1.12345678901", validFrom), "rate");
        assertBad(body("USD", "JPY", "1e-1", validFrom), "plain decimal");
        assertBad(body("USD", "JPY", "1.5E+2", validFrom), "plain decimal");
        assertBad("{\"baseCurrency\":\"USD\",\"quoteCurrency\":\"JPY\",\"rate\":\"1.1\"}", "validFrom");
        assertThat(finance.post(RATES, body("USD", "JPY", "1.1", "yesterday")).status()).isEqualTo(400);
        assertThat(finance.get(RATES + "/in-force?base=eur&quote=USD").status()).isEqualTo(400);
        assertThat(finance.get(RATES + "/in-force?base=EUR&quote=USD&at=tomorrow").status()).isEqualTo(400);
        assertThat(finance.get(RATES + "/" + "not-a-uuid").status()).isEqualTo(400);
        assertThat(finance.get(RATES + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(finance.get(RATES + "?base=USD&quote=JPY").header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void aSecondRateOfThePairFromTheSameInstantIsAConflictAndPartnersMayNotLoad() {
        load("PLN", "CZK", "5.80", "2026-01-01T00:00:00Z");

        assertThat(finance.post(RATES, body("PLN", "CZK", "5.90", "2026-01-01T00:00:00Z")).status())
                .isEqualTo(409);
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        assertThat(partner.post(RATES, body("PLN", "HUF", "90", "2026-01-01T00:00:00Z")).status()).isEqualTo(403);
        assertThat(partner.get(RATES).status()).isEqualTo(403);
        assertThat(finance.get(RATES + "?base=PLN&quote=HUF").header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void theDocumentedExampleLoads() throws Exception {
        String example = Files.readString(Path.of("../examples/settlement/fx-rate.json"))
                .replace("2026-03-01T00:00:00Z", "2031-03-01T00:00:00Z");

        assertThat(finance.post(RATES, example).status()).isEqualTo(201);
    }

    private void assertBad(String body, String field) {
        TestHttp.Response response = finance.post(RATES, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(field);
    }

    /** Loaded by fiona and confirmed by a second finance user: in force. */
    private TestHttp.Response load(String base, String quote, String rate, String validFrom) {
        TestHttp.Response response = finance.post(RATES, body(base, quote, rate, validFrom));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        TestHttp.Response confirmed = TestHttp.localPort(port).as(TestJwt.staff("fred", Roles.FINANCE))
                .post(RATES + "/" + response.json().get("id").asString() + "/confirmation", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return response;
    }

    private static String body(String base, String quote, String rate, String validFrom) {
        return """
                {"baseCurrency":"%s","quoteCurrency":"%s","rate":"%s","validFrom":"%s"}
                """.formatted(base, quote, rate, validFrom);
    }
}
