package io.accord.rating.usage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a TMF635 body (and so a CDR file's row) may hold: what its rows can store. */
class TmfUsageInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TmfUsageInput.Read read(String usageDate) {
        return read(usageDate, "VOICE");
    }

    private static TmfUsageInput.Read read(String usageDate, String usageType) {
        return read(usageDate, usageType, "\"60\"", "\"EU\"");
    }

    private static TmfUsageInput.Read read(String usageDate, String usageType, String quantity, String zone) {
        return TmfUsageInput.read(JSON.readTree("""
                {"usageDate": "%s", "usageType": "%s", "usageCharacteristic": [
                  {"name": "usageId", "value": "u-1"}, {"name": "subscriberId", "value": "+491"},
                  {"name": "quantity", "value": %s}, {"name": "unit", "value": "S"},
                  {"name": "zone", "value": %s}]}"""
                .formatted(usageDate, usageType, quantity, zone)), "mediation");
    }

    @Test
    void quantitiesAndNumbersTooLargeToWriteOutAreTheFieldsProblem() {
        // 1e2147483647's precision minus its scale overflowed an int and passed as small; writing it out plainly
        // then threw OutOfMemoryError (a 500; a CDR file's runner failing every second)
        for (String quantity : new String[]{"\"1e2147483647\"", "\"10e2147483646\"", "\"1e16\"", "1e400"}) {
            TmfUsageInput.Read read = read("2026-12-01T10:00:00Z", "VOICE", quantity, "\"EU\"");
            assertThat(read.record()).as(quantity).isNull();
            assertThat(read.field()).as(quantity).startsWith("usageCharacteristic");
        }
        assertThat(read("2026-12-01T10:00:00Z", "VOICE", "\"100000000000000\"", "\"EU\"").record().quantity())
                .isEqualByComparingTo("100000000000000");
        // a JSON number any characteristic holds: 1e400 is an infinite double, 1e2147483647 would be written out
        assertThat(read("2026-12-01T10:00:00Z", "VOICE", "\"60\"", "1e400").field())
                .isEqualTo("usageCharacteristic[4].value");
        assertThat(read("2026-12-01T10:00:00Z", "VOICE", "\"60\"", "12.5").record().characteristics())
                .containsEntry("zone", "12.5");
    }

    @Test
    void anUnpairedSurrogateIsTheFieldsProblem() {
        // jsonb refuses it: the whole batch failed with a 500
        assertThat(read("2026-12-01T10:00:00Z", "VOICE", "\"60\"", "\"x\\ud800\"").field())
                .isEqualTo("usageCharacteristic[4]");
        assertThat(read("2026-12-01T10:00:00Z", "VO\\udc00ICE").field()).isEqualTo("usageType");
        assertThat(read("2026-12-01T10:00:00Z", "VOICE", "\"60\"", "\"\\ud83d\\ude00\"").record()
                .characteristics()).containsEntry("zone", "\ud83d\ude00");
    }

    @Test
    void aUsageTypeWithANulCharacterIsTheFieldsProblem() {
        // it reached the submission's jsonb (SQL state 22P05) and failed a CDR file job's whole chunk
        TmfUsageInput.Read read = read("2026-12-01T10:00:00Z", "VO\\u0000ICE");

        assertThat(read.field()).isEqualTo("usageType");
        assertThat(read.problem()).contains("NUL");
    }

    @Test
    void aUsageDateOutsideTheYears1900To9999InUtcIsTheFieldsProblem() {
        assertThat(read("9999-12-31T23:59:59+05:00").problem()).isNull();
        assertThat(read("9999-12-31T23:59:59+05:00").record().usageTime().getYear()).isEqualTo(9999);
        // the year 9999 where it was reported, but 10000 in UTC: no row can hold it
        assertThat(read("9999-12-31T23:59:59-05:00").field()).isEqualTo("usageDate");
        assertThat(read("9999-12-31T23:59:59-05:00").problem()).contains("between the years 1900 and 9999");
        assertThat(read("1900-01-01T00:30:00+01:00").field()).isEqualTo("usageDate");
        assertThat(read("+300000-01-01T00:00:00Z").field()).isEqualTo("usageDate");
    }

    private static TmfUsageInput.Read body(String json) {
        return TmfUsageInput.read(JSON.readTree(json), "mediation");
    }

    private static final String CHARACTERISTICS = """
            [{"name": "usageId", "value": "u-1"}, {"name": "subscriberId", "value": "+491"},
             {"name": "quantity", "value": "60"}, {"name": "unit", "value": "S"}]""";

    @Test
    void aMemberOutsideTheTmfSchemaIsRefusedNamingItsPath() {
        // each was ignored: the record rated as if the member had not been sent
        TmfUsageInput.Read typo = body("""
                {"usageDate": "2026-12-01T10:00:00Z", "usageType": "VOICE", "usageTyp": "VOICE",
                 "usageCharacteristic": %s}""".formatted(CHARACTERISTICS));
        assertThat(typo.record()).isNull();
        assertThat(typo.field()).isEqualTo("usageTyp");
        assertThat(typo.problem()).contains("'usageTyp' is not a field of a TMF635 Usage", "usageType");
        assertThat(typo.usageId()).isEqualTo("u-1");

        TmfUsageInput.Read value = body("""
                {"usageDate": "2026-12-01T10:00:00Z", "usageType": "VOICE", "usageCharacteristic": [
                  {"name": "usageId", "value": "u-2"}, {"name": "subscriberId", "value": "+491"},
                  {"name": "quantity", "value": "60"}, {"name": "unit", "value": "S"},
                  {"name": "zone", "value": "EU", "valu": "x"}]}""");
        assertThat(value.field()).isEqualTo("usageCharacteristic[4].valu");
        assertThat(value.problem()).contains("UsageCharacteristic");
        assertThat(value.usageId()).isEqualTo("u-2");

        // it answered "characteristic 'usageId' is required"
        TmfUsageInput.Read list = body("""
                {"usageDate": "2026-12-01T10:00:00Z", "usageType": "VOICE", "usageCharacteristc": %s}"""
                .formatted(CHARACTERISTICS));
        assertThat(list.field()).isEqualTo("usageCharacteristc");
        assertThat(list.usageId()).isNull();

        // a name that cannot be shown back as it is (a NUL, an unpaired surrogate), nor at any length
        assertThat(body("{\"a\\u0000b\": 1}").field()).isEqualTo("a\\u0000b");
        assertThat(body("{\"a\\ud800\": 1}").field()).isEqualTo("a\ufffd");
        assertThat(body("{\"" + "x".repeat(5_000) + "\": 1}").field()).hasSize(41);
    }

    @Test
    void theMembersOfTheTmfSchemaAreAcceptedAndTheirMetaMembersIgnored() {
        TmfUsageInput.Read read = body("""
                {"@type": "Usage", "@baseType": "Usage", "@schemaLocation": "https://example.com/usage.json",
                 "description": "a call", "usageDate": "2026-12-01T10:00:00Z", "usageType": "VOICE",
                 "relatedParty": [{"id": "p-1", "@referredType": "Organization"}],
                 "usageSpecification": {"id": "spec-1"}, "status": null, "ratedProductUsage": null,
                 "usageCharacteristic": [
                   {"id": "1", "name": "usageId", "value": "u-3", "valueType": "string", "@type": "Characteristic",
                    "@baseType": "Characteristic", "@schemaLocation": "https://example.com/c.json",
                    "characteristicRelationship": []},
                   {"name": "subscriberId", "value": "+491"}, {"name": "quantity", "value": 60},
                   {"name": "unit", "value": "S"}]}""");
        assertThat(read.problem()).isNull();
        assertThat(read.record().usageId()).isEqualTo("u-3");
        assertThat(read.record().characteristics()).isEmpty();
    }

    @Test
    void anInvalidRecordKeepsItsUsageIdWhenItCanBeRead() {
        assertThat(read("yesterday").usageId()).isEqualTo("u-1");
        assertThat(body("{\"usageType\": \"VOICE\", \"usageCharacteristic\": [{\"name\": \"usageId\","
                + " \"value\": 42}]}").usageId()).isEqualTo("42");
        // not one a valid record could have: too long, blank, an object, a NUL
        for (String value : new String[]{"\"" + "x".repeat(201) + "\"", "\" \"", "{}", "\"a\\u0000\""}) {
            assertThat(body("{\"usageCharacteristic\": [{\"name\": \"usageId\", \"value\": " + value + "}]}")
                    .usageId()).as(value).isNull();
        }
        assertThat(body("[]").usageId()).isNull();
    }

    private static TmfUsageInput.Read record(String usageType, String quantity, String unit, String productId) {
        return TmfUsageInput.read(JSON.readTree("""
                {"usageDate": "2026-12-01T10:00:00Z", "usageType": "%s", "usageCharacteristic": [
                  {"name": "usageId", "value": "u-1"}, {"name": "subscriberId", "value": "+491"},
                  {"name": "quantity", "value": "%s"}, {"name": "unit", "value": "%s"}%s]}"""
                .formatted(usageType, quantity, unit, productId == null ? ""
                        : ", {\"name\": \"productId\", \"value\": \"" + productId + "\"}")), "mediation");
    }

    @Test
    void aQuantityWithAnExponentIsRefusedAsSettlementRefusesIt() {
        // 1e3 was rated as 1000 and 1E2 shown back as 100, while settlement and the exports write plain decimals
        for (String quantity : new String[]{"1e3", "1E2", "2.5e-1"}) {
            TmfUsageInput.Read read = record("VOICE", quantity, "S", null);
            assertThat(read.record()).as(quantity).isNull();
            assertThat(read.field()).as(quantity).isEqualTo("usageCharacteristic.quantity");
            assertThat(read.problem()).as(quantity).contains("exponent", "plain decimal");
            assertThat(read.usageId()).isEqualTo("u-1");
        }
        assertThat(record("VOICE", "1000", "S", null).record().quantity()).isEqualByComparingTo("1000");
        assertThat(record("VOICE", "ten", "S", null).problem()).as("an e of a word is no exponent")
                .contains("is not a decimal number");
    }

    @Test
    void aFractionOfACountedUnitIsRefused() {
        for (String unit : new String[]{"MESSAGE", "EVENT", "API_CALL"}) {
            TmfUsageInput.Read read = record("SMS", "1.5", unit, null);
            assertThat(read.record()).as(unit).isNull();
            assertThat(read.field()).as(unit).isEqualTo("usageCharacteristic.quantity");
            assertThat(read.problem()).as(unit).contains("not a whole number");
            assertThat(record("SMS", "3.000", unit, null).record().quantity()).as(unit).isEqualByComparingTo("3");
        }
        assertThat(record("DATA", "1.5", "MB", null).record()).as("a measured unit takes fractions").isNotNull();
    }

    @Test
    void aProductIdThatIsNoProductInstanceIdIsRefusedNamingIt() {
        TmfUsageInput.Read read = record("VOICE", "10", "S", "not-a-uuid");
        assertThat(read.record()).isNull();
        assertThat(read.field()).isEqualTo("usageCharacteristic.productId");
        assertThat(read.problem()).contains("not-a-uuid", "not a product instance id");
        assertThat(record("VOICE", "10", "S", "25BB2992-6FC3-41BB-9601-88F9577AE1ED").record().productInstanceId())
                .isEqualTo("25BB2992-6FC3-41BB-9601-88F9577AE1ED");
    }

    @Test
    void aUsageTypeIsReadWhateverItsCaseAsAUnitIs() {
        // "voice" was suspended NO_PRICE (no price names it) while unit "s" was read as S
        assertThat(record("voice", "10", "S", null).record().usageType()).isEqualTo("VOICE");
        assertThat(record("Api_Call", "1", "API_CALL", null).record().usageType()).isEqualTo("API_CALL");
    }
}
