package io.accord.rating.ingest;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class UsageParserTests {

    private static UsageParser.Parsed parse(String json) {
        return UsageParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsACompleteRecordKeepingTheOffsetOfItsTime() {
        UsageParser.Parsed parsed = parse("""
                {"usageId": "u-1", "source": "med", "usageType": "DATA", "subscriberId": "+491", "@type": [1, {}],
                 "startTime": "2026-12-01T10:15:30+01:00", "quantity": 1.5, "unit": "mb",
                 "characteristics": {"roaming": "true"}, "productId": "p-1", "offeringId": null}""");
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.record().usageTime()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:15:30+01:00"));
        assertThat(parsed.record().usageTime().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(parsed.record().quantity()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(parsed.record().unit()).isEqualTo(UnitOfMeasure.MB);
        assertThat(parsed.record().characteristics()).containsEntry("roaming", "true");
        assertThat(parsed.record().productInstanceId()).isEqualTo("p-1");
        assertThat(parsed.record().offeringId()).isNull();
    }

    @Test
    void keepsTheIdentityOfARecordItCannotReadCompletely() {
        UsageParser.Parsed parsed = parse("""
                {"usageId": "u-2", "source": "med", "startTime": "yesterday", "quantity": "12"}""");
        assertThat(parsed.problem()).contains("startTime 'yesterday'");
        assertThat(parsed.record().source()).isEqualTo("med");
        assertThat(parsed.record().usageId()).isEqualTo("u-2");
    }

    @Test
    void namesTheFirstProblemOfBrokenInput() {
        assertThat(parse("not json").problem()).contains("not valid JSON");
        assertThat(parse("[1, 2]").problem()).contains("not a JSON object");
        assertThat(parse("{\"usageId\": \"u\"} trailing").problem()).isNotNull();
        assertThat(UsageParser.parse(new byte[0]).problem()).contains("no value");
        assertThat(UsageParser.parse(null).problem()).contains("no value");
        assertThat(parse("{\"usageId\": {\"nested\": 1}}").problem()).contains("usageId must be a string");
        assertThat(parse("{\"quantity\": \"ten\"}").problem()).contains("quantity 'ten'");
        assertThat(parse("{\"unit\": \"PARSEC\"}").problem()).contains("unit 'PARSEC'");
        assertThat(parse("{\"characteristics\": [1]}").problem()).contains("characteristics");
        assertThat(UsageParser.parse(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}).problem())
                .isNotNull();
    }

    @Test
    void refusesWhatTheDatabaseCouldNotStoreOrIndex() {
        assertThat(parse("{\"usageId\": \"" + "x".repeat(201) + "\", \"source\": \"s\"}").record().usageId()).isNull();
        assertThat(parse("{\"source\": \"a\\u0000b\"}").problem()).contains("NUL");
        assertThat(parse("{\"characteristics\": {\"zone\": \"a\\u0000\"}}").problem()).contains("NUL");
        assertThat(parse("{\"quantity\": \"1E+999999999\"}").problem()).contains("digits");
        assertThat(parse("{\"quantity\": \"1E-30\"}").problem()).contains("digits");
        // precision minus scale overflows an int: it passed as small, and writing it out threw OutOfMemoryError
        assertThat(parse("{\"quantity\": \"1E+2147483647\"}").problem()).contains("digits");
        assertThat(parse("{\"quantity\": \"10E+2147483646\"}").problem()).contains("digits");
        assertThat(parse("{\"startTime\": \"+99999-01-01T00:00:00Z\"}").problem()).contains("between the years");
        // the year 9999 where it was reported, 10000 in UTC, as it would be stored
        assertThat(parse("{\"startTime\": \"9999-12-31T23:59:59-05:00\"}").problem()).contains("between the years");
        assertThat(parse("{\"startTime\": \"1900-01-01T00:30:00+01:00\"}").problem()).contains("between the years");
        assertThat(parse("{\"startTime\": \"9999-12-31T23:59:59+05:00\"}").record().usageTime()).isNotNull();
    }

    @Test
    void aMemberTheRecordDoesNotHaveIsAProblemNamingItButNotWhenItIsReadAgainToBeRecycled() {
        // it was skipped: a misspelt usageType or offeringId was rated as if it had not been sent
        String typo = """
                {"usageId": "u-3", "source": "med", "usageTyp": {"nested": [1]}, "subscriberId": "+491",
                 "startTime": "2026-12-01T10:15:30+01:00", "quantity": "1", "unit": "S", "offeringID": "o-1"}""";
        UsageParser.Parsed parsed = parse(typo);
        assertThat(parsed.problem()).startsWith("'usageTyp' is not a field of a usage record");
        assertThat(parsed.record().source()).isEqualTo("med");
        assertThat(parsed.record().usageId()).isEqualTo("u-3");
        assertThat(parse("{\"characteristics\": {}, \"" + "n".repeat(300) + "\\u0000\": 1}").problem())
                .startsWith("'" + "n".repeat(40) + "…'");
        assertThat(parse("{\"a\\u0000b\": 1}").problem()).startsWith("'a b'");
        // TMF's meta members are no problem
        assertThat(parse("{\"@type\": \"UsageReported\", \"@baseType\": \"x\", \"@schemaLocation\": null}")
                .problem()).isNull();

        // a record kept in suspense is read again as it was taken in: the member is ignored
        UsageParser.Parsed again = UsageParser.reread(typo.getBytes(StandardCharsets.UTF_8));
        assertThat(again.problem()).isNull();
        assertThat(again.record().usageType()).isNull();
        assertThat(again.record().offeringId()).isNull();
        assertThat(UsageParser.reread("{\"unit\": \"PARSEC\"}".getBytes(StandardCharsets.UTF_8)).problem())
                .contains("unit 'PARSEC'");
    }
}
