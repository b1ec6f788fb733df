package io.accord.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Length-prefixed SHA-256 of fields, pinned to values computed independently (Python's hashlib). */
class Sha256Tests {

    @Test
    void hashesEachFieldWithItsBigEndianLengthFirst() {
        assertThat(Sha256.of(new byte[0]))
                .isEqualTo("af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc");
        assertThat(Sha256.of("abc"))
                .isEqualTo("c3494ca1a2cf8eeb8a11ded316fb55b83c3bbbedb6313cd50415251e5d09e12f");
    }

    @Test
    void fieldBoundariesCount() {
        assertThat(Sha256.fields().add("ab").add("c").hex()).isNotEqualTo(Sha256.fields().add("a").add("bc").hex());
        assertThat(Sha256.fields().add((String) null).hex()).isNotEqualTo(Sha256.fields().add("").hex());
    }

    @Test
    void aStreamHashesLikeItsBytes() throws IOException {
        byte[] body = "{\"amount\":\"12.50\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Sha256.fields().add(new ByteArrayInputStream(body), body.length).hex()).isEqualTo(Sha256.of(body));
    }
}
