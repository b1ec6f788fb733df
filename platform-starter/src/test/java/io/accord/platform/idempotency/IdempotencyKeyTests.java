package io.accord.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyTests {

    @Test
    void acceptsABareKeyAndTheDraftsQuotedFormAsTheSameKey() {
        assertThat(IdempotencyKey.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .contains(new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assertThat(IdempotencyKey.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
                .contains(new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324"));
    }

    @Test
    void acceptsOneTo255PrintableCharacters() {
        assertThat(IdempotencyKey.parse(List.of("k"))).isPresent();
        assertThat(IdempotencyKey.parse(List.of("order 17/b #2"))).isPresent();
        assertThat(IdempotencyKey.parse(List.of("k".repeat(255)))).isPresent();
    }

    @Test
    void refusesEmptyOverlongNonPrintableAndRepeatedKeys() {
        assertThat(IdempotencyKey.parse(List.of(""))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("\"\""))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("k".repeat(256)))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("tab\there"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("schlüssel"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of("a", "b"))).isEmpty();
        assertThat(IdempotencyKey.parse(List.of())).isEmpty();
    }

    @Test
    void fingerprintFieldsAreDelimitedByTheirLengths() {
        assertThat(Sha256.fields().add("ab").add("c").hex()).isNotEqualTo(Sha256.fields().add("a").add("bc").hex());
        assertThat(Sha256.fields().add((String) null).hex()).isNotEqualTo(Sha256.fields().add("").hex());
    }
}
