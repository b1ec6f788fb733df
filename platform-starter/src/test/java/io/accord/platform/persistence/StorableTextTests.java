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

    @Test
    void storableTextHasNoNulAndNoUnpairedSurrogate() {
        assertThat(StorableText.storable("plain text, \u00e9t\u00e9, \ud83d\ude00")).isTrue();
        assertThat(StorableText.storable("")).isTrue();
        assertThat(StorableText.storable("a\u0000b")).isFalse();
        assertThat(StorableText.storable("x\ud800")).isFalse();
        assertThat(StorableText.storable("\ud800x")).isFalse();
        assertThat(StorableText.storable("x\udc00")).isFalse();
        assertThat(StorableText.storable("\ude00\ud83d")).isFalse();
    }
}
