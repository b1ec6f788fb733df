package io.accord.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTests {

    @Test
    void acceptsABareKeyAndTheDraftsQuotedFormAsTheSameKey() {
        assertThat(IdempotencyKey.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .contains(new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assertThat(IdempotencyKey.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
                .contains(new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324"));
    }

    @Test
    void accepts16To255PrintableCharacters() {
        assertThat(IdempotencyKey.parse(List.of("k".repeat(16)))).isPresent();
        assertThat(IdempotencyKey.parse(List.of("order 17/b #2 of 2026"))).isPresent();
        assertThat(IdempotencyKey.parse(List.of("k".repeat(255)))).isPresent();
    }

    @Test
    void refusesEmptyShortOverlongNonPrintableAndRepeatedKeys() {
        assertThat(IdempotencyKey.parse(List.of(""))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("k"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("k".repeat(15)))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("\"" + "k".repeat(15) + "\""))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("\"\""))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("k".repeat(256)))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("tab\there and more text"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("schlüssel-und-mehr-text"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("a", "b"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of())).isEmpty();
    }

    @Test
    void aStoredAnswerIsEncryptedAndOpensOnlyWithItsKeyAndScope() {
        IdempotencyKey key = new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324");
        byte[] answer = "{\"trackingSecret\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = SealedBody.seal("sub:alice", key, answer);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(SealedBody.open("sub:alice", key, sealed)).isEqualTo(answer);
        assertThatThrownBy(() -> SealedBody.open("sub:bob", key, sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SealedBody.open("sub:alice", new IdempotencyKey("guess"), sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThat(key.hash()).hasSize(64).doesNotContain(key.value());
    }

    @Test
    void fingerprintFieldsAreDelimitedByTheirLengths() {
        assertThat(Sha256.fields().add("ab").add("c").hex()).isNotEqualTo(Sha256.fields().add("a").add("bc").hex());
        assertThat(Sha256.fields().add((String) null).hex()).isNotEqualTo(Sha256.fields().add("").hex());
    }
}
