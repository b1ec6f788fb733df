package io.accord.platform.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

    @Test
    void writesEachNulAsItsEscapeAndLeavesOtherTextAlone() {
        assertThat(StorableText.of("a\u0000b\u0000")).isEqualTo("a\\u0000b\\u0000");
        assertThat(StorableText.of("plain ü")).isEqualTo("plain ü");
        assertThat(StorableText.of(null)).isNull();
    }
}
