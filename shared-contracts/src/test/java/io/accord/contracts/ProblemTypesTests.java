package io.accord.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTests {

    @Test
    void aStatusWithoutAProblemOfItsOwnHasOneSlugEverywhere() {
        assertThat(ProblemTypes.slugFor(404)).isEqualTo("not-found");
        assertThat(ProblemTypes.slugFor(413)).isEqualTo("payload-too-large");
        assertThat(ProblemTypes.slugFor(429)).isEqualTo("rate-limited");
        assertThat(ProblemTypes.slugFor(418)).isEqualTo("http-418");
    }
}
