package io.accord.platform.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataRedactionTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void replacesPersonalValuesAndNamesTheChangedOnes() {
        JsonNode before = json.readTree("""
                {"id":"p1","status":"ACTIVE","contact":{"name":"Ada Lovelace","email":"ada@example.com"},"phone":null}""");
        JsonNode after = json.readTree("""
                {"id":"p1","status":"ACTIVE","contact":{"name":"Ada Lovelace","email":"ada@other.example"},"phone":"+49 1"}""");

        JsonNode[] redacted = PersonalDataRedaction.redact(before, after, List.of("contact", "phone"));

        String text = redacted[0].toString() + redacted[1].toString();
        assertThat(text).doesNotContain("Ada", "ada@", "+49");
        assertThat(redacted[0].get("contact").get("email").asString()).isEqualTo(PersonalDataRedaction.MARKER);
        assertThat(redacted[0].get("phone").isNull()).as("an unset value stays unset").isTrue();
        assertThat(redacted[1].get("status").asString()).isEqualTo("ACTIVE");
        assertThat(redacted[1].get(PersonalDataRedaction.CHANGED).valueStream().map(JsonNode::asString))
                .containsExactly("contact.email", "phone");
        assertThat(redacted[0].has(PersonalDataRedaction.CHANGED)).isFalse();
    }

    @Test
    void namesTheFieldsOfACreationAndLeavesTheInputAlone() {
        JsonNode after = json.readTree("""
                {"givenName":"Ada","familyName":"Lovelace"}""");

        JsonNode[] redacted = PersonalDataRedaction.redact(null, after, List.of("givenName", "familyName", "email"));

        assertThat(redacted[0]).isNull();
        assertThat(redacted[1].get(PersonalDataRedaction.CHANGED).valueStream().map(JsonNode::asString))
                .containsExactly("familyName", "givenName");
        assertThat(after.get("givenName").asString()).isEqualTo("Ada");
    }

    @Test
    void namesTheErasedFieldsOnADeletion() {
        JsonNode before = json.readTree("""
                {"email":"ada@example.com"}""");

        JsonNode[] redacted = PersonalDataRedaction.redact(before, null, List.of("email"));

        assertThat(redacted[1]).isNull();
        assertThat(redacted[0].toString()).doesNotContain("ada@")
                .contains(PersonalDataRedaction.CHANGED);
    }
}
