package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePatchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The examples of RFC 7386, appendix A: original | patch | result. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"b\"}                     | {\"a\":\"c\"}              | {\"a\":\"c\"}",
            "{\"a\":\"b\"}                     | {\"b\":\"c\"}              | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}                     | {\"a\":null}               | {}",
            "{\"a\":\"b\",\"b\":\"c\"}         | {\"a\":null}               | {\"b\":\"c\"}",
            "{\"a\":[\"b\"]}                   | {\"a\":\"c\"}              | {\"a\":\"c\"}",
            "{\"a\":\"c\"}                     | {\"a\":[\"b\"]}            | {\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}             | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]}           | {\"a\":[1]}                | {\"a\":[1]}",
            "[\"a\",\"b\"]                     | [\"c\",\"d\"]              | [\"c\",\"d\"]",
            "{\"a\":\"b\"}                     | [\"c\"]                    | [\"c\"]",
            "{\"a\":\"foo\"}                   | null                       | null",
            "{\"a\":\"foo\"}                   | \"bar\"                    | \"bar\"",
            "{\"e\":null}                      | {\"a\":1}                  | {\"e\":null,\"a\":1}",
            "[1,2]                             | {\"a\":\"b\",\"c\":null}   | {\"a\":\"b\"}",
            "{}                                | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"})
    void appliesTheExamplesOfRfc7386(String original, String patch, String result) {
        assertThat(MergePatch.apply(JSON.readTree(original), JSON.readTree(patch))).isEqualTo(JSON.readTree(result));
    }

    record Resource(String id, String name, String note, List<String> tags) {
    }

    record Change(@NotBlank @Size(max = 5) String name, String note, List<String> tags) {
    }

    private final MergePatch patches = new MergePatch(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());
    private final Resource current = new Resource("1", "old", "a note", List.of("x"));
    private final Set<String> changeable = Set.of("name", "note", "tags");

    @Test
    void patchesOnlyTheChangeableAttributesOfTheCurrentResource() {
        Change change = patches.patched(current, JSON.readTree("{\"note\": null, \"tags\": [\"y\", \"z\"]}"),
                changeable, Change.class);

        assertThat(change).isEqualTo(new Change("old", null, List.of("y", "z")));
    }

    @Test
    void refusesOtherAttributesWrongTypesAndInvalidResultsNamingTheAttribute() {
        assertThatThrownBy(() -> patches.patched(current, JSON.readTree("{\"id\": \"2\"}"), changeable, Change.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> patches.patched(current, JSON.readTree("[1]"), changeable, Change.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> patches.patched(current, JSON.readTree("{\"tags\": {\"a\": 1}}"), changeable,
                Change.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThatThrownBy(() -> patches.patched(current, JSON.readTree("{\"name\": null}"), changeable,
                Change.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> patches.patched(current, JSON.readTree("{\"name\": \"too long\"}"), changeable,
                Change.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    record Typed(String id, String href, @com.fasterxml.jackson.annotation.JsonProperty("@type") String type,
                 String name) {
    }

    @Test
    void acceptsTheResourcesIdentityRepeatedUnchangedAndRefusesAnotherValueNamingIt() {
        Typed typed = new Typed("1", "/things/1", "Thing", "old");
        Set<String> names = Set.of("name");

        Change change = patches.patched(typed, JSON.readTree("{\"id\": \"1\", \"href\": \"/things/1\", "
                + "\"@type\": \"Thing\", \"@baseType\": null, \"name\": \"new\"}"), names, Change.class);

        assertThat(change.name()).isEqualTo("new");
        assertThat(patches.changes(typed, JSON.readTree("{\"@type\": \"Thing\", \"name\": \"x\"}"), names))
                .isEqualTo(JSON.readTree("{\"name\": \"x\"}"));
        for (String other : List.of("{\"@type\": \"Other\"}", "{\"id\": \"2\"}", "{\"href\": \"/x\"}",
                "{\"@baseType\": \"Thing\"}", "{\"@type\": null}")) {
            String field = JSON.readTree(other).propertyNames().iterator().next();
            assertThatThrownBy(() -> patches.patched(typed, JSON.readTree(other), names, Change.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                    .hasMessageContaining("cannot be changed by PATCH");
        }
        // an attribute outside the identity is refused even when unchanged: only the identity is echoed
        assertThatThrownBy(() -> patches.patched(typed, JSON.readTree("{\"name\": \"old\"}"), Set.of(),
                Change.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    record Dated(java.time.Instant validFrom) {
    }

    @Test
    void refusesATimeOutsideTheSupportedRangeNamingTheAttribute() {
        Dated current = new Dated(java.time.Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(patches.patched(current, JSON.readTree("{\"validFrom\": \"9999-12-31T00:00:00Z\"}"),
                Set.of("validFrom"), Dated.class).validFrom()).isEqualTo("9999-12-31T00:00:00Z");
        assertThatThrownBy(() -> patches.patched(current, JSON.readTree("{\"validFrom\": \"+300000-01-01T00:00:00Z\"}"),
                Set.of("validFrom"), Dated.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("validFrom"))
                .hasMessageContaining(io.accord.platform.time.SupportedTimes.RANGE);
    }
}
