package io.accord.gateway.routing;

import io.accord.gateway.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTests {

    @Test
    void defaultsToTheFirstFiftyEntriesWithoutFilters() {
        AuditQuery query = AuditQuery.parse(new AuditQuery.Filters(null, " ", "", " ", "", " ", null, " "), null, "");

        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, null, null, null, null, 0, 50));
        assertThat(query.filters()).isEmpty();
        assertThat(query.perServiceLimit()).isEqualTo(50);
    }

    @Test
    void asksEachServiceForOffsetPlusLimitAndRelaysTheFilters() {
        UUID partner = UUID.randomUUID();
        AuditQuery query = AuditQuery.parse(new AuditQuery.Filters(partner.toString(), "partner", "42", "ops",
                "approved", "req-7", "2026-11-01", "2026-11-02T10:00:00+01:00"), "950", "50");

        assertThat(query.perServiceLimit()).isEqualTo(1000);
        assertThat(query.filters()).containsExactly(Map.entry("partnerId", partner.toString()),
                Map.entry("resourceType", "partner"), Map.entry("resourceId", "42"), Map.entry("actor", "ops"),
                Map.entry("action", "approved"), Map.entry("correlationId", "req-7"), Map.entry("from", "2026-11-01T00:00:00Z"),
                Map.entry("to", "2026-11-02T09:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "yesterday,, from",
            "2026-13-01,, from",
            "1899-12-31,, from",
            ",2026-11-01T00:00, to",
            "2026-11-02,2026-11-01, to",
            "2026-11-01,2026-11-01, to"})
    void namesTheTimeThatIsWrong(String from, String to, String parameter) {
        assertThatThrownBy(() -> AuditQuery.parse(new AuditQuery.Filters(null, null, null, null, null, null, from, to),
                null, null))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        invalid -> assertThat(invalid.parameter()).isEqualTo(parameter));
    }

    @ParameterizedTest
    @CsvSource({
            ",,0, limit",
            ",,501, limit",
            ",,1.5, limit",
            ",-1,, offset",
            ",951,, offset",
            ",901,100, offset",
            ",99999999999,, offset",
            "42,,, partnerId"})
    void namesTheParameterThatIsOutOfBounds(String partnerId, String offset, String limit, String parameter) {
        assertThatThrownBy(() -> AuditQuery.parse(
                new AuditQuery.Filters(partnerId, null, null, null, null, null, null, null), offset, limit))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        invalid -> assertThat(invalid.parameter()).isEqualTo(parameter));
    }

    @Test
    void aTextFilterWithANulIsRefusedHereAsEveryServiceRefusesIt() {
        // the services' six 400s were counted as six services not answering: the caller got a 503
        for (int i = 0; i < 5; i++) {
            String[] texts = {null, null, null, null, null};
            texts[i] = "ops\u0000";
            int index = i;
            assertThatThrownBy(() -> AuditQuery.parse(new AuditQuery.Filters(null, texts[0], texts[1], texts[2],
                    texts[3], texts[4], null, null), null, null))
                    .isInstanceOfSatisfying(InvalidParameterException.class, invalid -> assertThat(invalid.parameter())
                            .isEqualTo(new String[] {"resourceType", "resourceId", "actor", "action", "correlationId"}[index]));
        }
        assertThat(AuditQuery.parse(new AuditQuery.Filters(null, null, null, "ops", null, null, null, null), null, null)
                .actor()).isEqualTo("ops");
    }
}
