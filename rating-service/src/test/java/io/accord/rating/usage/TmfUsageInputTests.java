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
        return TmfUsageInput.read(JSON.readTree("""
                {"usageDate": "%s", "usageType": "%s", "usageCharacteristic": [
                  {"name": "usageId", "value": "u-1"}, {"name": "subscriberId", "value": "+491"},
                  {"name": "quantity", "value": "60"}, {"name": "unit", "value": "S"}]}"""
                .formatted(usageDate, usageType)), "mediation");
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
}
