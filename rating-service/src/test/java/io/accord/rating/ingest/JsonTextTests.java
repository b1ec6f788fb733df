package io.accord.rating.ingest;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's hand-written JSON reads back, through a JSON parser, as exactly the values written. */
class JsonTextTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void escapesWhatJsonRequiresAndNothingChangesOnTheWayBack() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("plain", "EU");
        values.put("quote \"and\" backslash \\", "line\nbreak\r\ttab \u0001 \u001f é € 😀");
        values.put("empty", "");
        values.put("none", null);

        String text = JsonText.object(values);

        assertThat(JSON.readValue(text, new TypeReference<Map<String, String>>() { })).isEqualTo(values);
        assertThat(text).contains("\\u0001").contains("\\u001f").contains("\"none\":null");
    }

    @Test
    void writesAStringOrNull() {
        StringBuilder out = new StringBuilder();
        JsonText.string(out, "a\"b");
        out.append(',');
        JsonText.string(out, null);
        assertThat(out).hasToString("\"a\\\"b\",null");
    }
}
