package io.accord.catalog.reference;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference data answers every caller with a token, partners included; conversions are exact. */
@AccordServiceTest
class ReferenceDataApiTests {

    private static final String REFERENCE = "/api/catalog/reference";

    @LocalServerPort
    int port;

    private TestHttp partner() {
        return TestHttp.localPort(port).as(TestJwt.partner("pu-ref", UUID.randomUUID().toString(), Roles.PARTNER_USER));
    }

    @Test
    void listsIso4217CurrenciesSortedWithTheirMinorUnits() {
        JsonNode all = partner().get(REFERENCE + "/currencies").json();
        JsonNode some = partner().get(REFERENCE + "/currencies?code=eur&code=JPY").json();

        assertThat(all.size()).isGreaterThan(150);
        assertThat(codes(all, "code")).isSorted();
        assertThat(some).hasSize(2);
        assertThat(some.get(0).get("code").asString()).isEqualTo("EUR");
        assertThat(some.get(0).get("name").asString()).isEqualTo("Euro");
        assertThat(some.get(0).get("numericCode").asString()).isEqualTo("978");
        assertThat(some.get(0).get("minorUnits").asInt()).isEqualTo(2);
        assertThat(some.get(1).get("minorUnits").asInt()).isZero();
        assertThat(partner().get(REFERENCE + "/currencies?code=XXY").json()).isEmpty();
        assertThat(codes(partner().get(REFERENCE + "/currencies?code=EUR,chf").json(), "code"))
                .containsExactly("CHF", "EUR");
    }

    @Test
    void listsOnlyCurrenciesInCirculationThoseAPriceMayUse() {
        List<String> listed = codes(partner().get(REFERENCE + "/currencies").json(), "code");

        assertThat(listed).contains("EUR", "USD", "JPY", "KWD", "XAF", "XOF", "XCD", "CHF")
                .doesNotContain("XXX", "XTS", "XAU", "XDR", "DEM", "FRF", "BGN");
    }

    @Test
    void listsIso3166CountriesByAlpha2OrAlpha3() {
        JsonNode all = partner().get(REFERENCE + "/countries").json();
        JsonNode germany = partner().get(REFERENCE + "/countries?code=DEU").json();

        assertThat(all.size()).isGreaterThan(240);
        assertThat(codes(all, "alpha2")).isSorted();
        assertThat(germany).hasSize(1);
        assertThat(germany.get(0).get("alpha2").asString()).isEqualTo("DE");
        assertThat(germany.get(0).get("alpha3").asString()).isEqualTo("DEU");
        assertThat(germany.get(0).get("name").asString()).isEqualTo("Germany");
        assertThat(partner().get(REFERENCE + "/countries?code=fr").json().get(0).get("name").asString())
                .isEqualTo("France");
    }

    @Test
    void listsUnitsAndTaxCategories() {
        JsonNode units = partner().get(REFERENCE + "/units").json();
        JsonNode gigabyte = partner().get(REFERENCE + "/units?code=GB").json().get(0);
        JsonNode taxes = partner().get(REFERENCE + "/tax-categories").json();

        assertThat(codes(units, "code")).contains("B", "KB", "MB", "GB", "S", "MIN", "H", "EVENT", "MESSAGE",
                "API_CALL");
        assertThat(gigabyte.get("dimension").asString()).isEqualTo("DATA");
        assertThat(gigabyte.get("baseUnits").asString()).isEqualTo("1073741824");
        assertThat(codes(taxes, "code")).containsExactly("EXEMPT", "REDUCED", "REVERSE_CHARGE", "STANDARD", "ZERO");
        assertThat(taxes.get(3).get("name").asString()).isEqualTo("Standard rate");
    }

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource({"1.5, GB, MB, 1536, true", "512, kb, MB, 0.5, true", "90, S, MIN, 1.5, true",
            "1, S, MIN, 0.016666666667, false", "2, H, S, 7200, true", "3, EVENT, EVENT, 3, true"})
    void convertsBetweenUnitsOfOneDimension(String quantity, String from, String to, String result, boolean exact) {
        JsonNode conversion = partner().get(REFERENCE + "/units/convert?quantity=" + quantity + "&from=" + from
                + "&to=" + to).json();

        assertThat(conversion.get("result").asString()).isEqualTo(result);
        assertThat(conversion.get("exact").asBoolean()).isEqualTo(exact);
        assertThat(conversion.get("from").asString()).isEqualTo(from.toUpperCase());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"quantity=1&from=GB&to=MIN, to", "quantity=abc&from=GB&to=MB, quantity",
            "quantity=1e999999999&from=GB&to=MB, quantity", "quantity=NaN&from=GB&to=MB, quantity",
            "from=GB&to=MB, quantity", "quantity=1&from=TB&to=MB, from", "quantity=1&from=GB, to",
            "quantity=1&from=EVENT&to=MESSAGE, to"})
    void refusesWhatCannotBeConvertedNamingTheParameter(String query, String field) {
        TestHttp.Response refused = partner().get(REFERENCE + "/units/convert?" + query);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("violations").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void everyRoleReadsButAnonymousCallersDoNot() {
        for (String role : Roles.ALL) {
            TestHttp caller = TestHttp.localPort(port).as(Roles.PARTNER.contains(role)
                    ? TestJwt.partner("ref-" + role, UUID.randomUUID().toString(), role)
                    : TestJwt.staff("ref-" + role, role));
            assertThat(caller.get(REFERENCE + "/tax-categories").status()).as(role).isEqualTo(200);
        }
        assertThat(TestHttp.localPort(port).get(REFERENCE + "/currencies").status()).isEqualTo(401);
    }

    private static List<String> codes(JsonNode items, String field) {
        List<String> codes = new ArrayList<>();
        items.forEach(item -> codes.add(item.get(field).asString()));
        return codes;
    }
}
