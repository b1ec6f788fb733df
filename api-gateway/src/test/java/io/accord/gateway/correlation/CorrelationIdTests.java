package io.accord.gateway.correlation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTests {

    @ParameterizedTest
    @ValueSource(strings = {"a", "portal-42", "A.b_C-9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsShortPlainTokens(String incoming) {
        assertThat(CorrelationId.acceptOrCreate(incoming)).isEqualTo(incoming);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "new\nline", "semi;colon", "ümlaut",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void replacesAnythingElseWithAUuid(String incoming) {
        assertThat(CorrelationId.acceptOrCreate(incoming)).isNotEqualTo(incoming).matches("[0-9a-f-]{36}");
    }
}
