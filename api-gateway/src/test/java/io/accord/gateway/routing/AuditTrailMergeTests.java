package io.accord.gateway.routing;

import io.accord.gateway.routing.AuditTrailMerge.Entry;
import io.accord.gateway.routing.AuditTrailMerge.Page;
import io.accord.gateway.routing.AuditTrailMerge.ServiceTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditTrailMergeTests {

    private static final JsonMapper JSON = new JsonMapper();

    private final List<ServiceTrail> trails = List.of(
            ServiceTrail.answered("rating", 40, List.of(entry("rating", 9, "10:00:05"), entry("rating", 8, "10:00:05"),
                    entry("rating", 7, "10:00:01"))),
            ServiceTrail.answered("catalog", 2, List.of(entry("catalog", 2, "10:00:05"),
                    entry("catalog", 1, "10:00:02"))),
            ServiceTrail.unanswered("dispute"),
            ServiceTrail.answered("onboarding", 1, List.of(entry("onboarding", 1, "10:00:09"))));

    @Test
    void ordersNewestFirstThenByServiceThenByHighestId() {
        Page page = AuditTrailMerge.merge(trails, 0, 10);

        assertThat(page.entries()).extracting(AuditTrailMergeTests::key).containsExactly(
                "onboarding#1", "catalog#2", "rating#9", "rating#8", "catalog#1", "rating#7");
    }

    @Test
    void slicesTheMergedTrailNotEachService() {
        assertThat(AuditTrailMerge.merge(trails, 2, 3).entries()).extracting(AuditTrailMergeTests::key)
                .containsExactly("rating#9", "rating#8", "catalog#1");
        assertThat(AuditTrailMerge.merge(trails, 5, 3).entries()).extracting(AuditTrailMergeTests::key)
                .containsExactly("rating#7");
        assertThat(AuditTrailMerge.merge(trails, 6, 3).entries()).isEmpty();
    }

    @Test
    void sumsTheServicesTotalsAndNamesThoseThatDidNotAnswer() {
        Page page = AuditTrailMerge.merge(trails, 0, 1);

        assertThat(page.total()).isEqualTo(43);
        assertThat(page.unanswered()).containsExactly("dispute");
    }

    @Test
    void addsTheServiceToEachEntryAndKeepsTheRest() {
        JsonNode entry = Entry.from("settlement", JSON.readTree("""
                {"id": 12, "occurredAt": "2025-03-01T10:00:00.123456Z", "action": "created",
                 "before": null, "after": {"status": "OPEN"}}""")).json();

        assertThat(entry.get("service").asString()).isEqualTo("settlement");
        assertThat(entry.get("after").get("status").asString()).isEqualTo("OPEN");
        assertThat(entry.get("action").asString()).isEqualTo("created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"occurredAt\": \"2025-03-01T10:00:00Z\"}", "{\"id\": 1}",
            "{\"id\": \"1\", \"occurredAt\": \"2025-03-01T10:00:00Z\"}", "{\"id\": 1, \"occurredAt\": \"yesterday\"}"})
    void refusesWhatIsNoAuditEntry(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> Entry.from("catalog", JSON.readTree(json)));
    }

    private static Entry entry(String service, long id, String time) {
        return Entry.from(service, JSON.readTree("{\"id\": " + id + ", \"occurredAt\": \"2025-03-01T" + time + "Z\"}"));
    }

    private static String key(Entry entry) {
        return entry.service() + "#" + entry.id();
    }
}
