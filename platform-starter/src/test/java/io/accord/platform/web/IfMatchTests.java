package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.PreconditionFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Reading If-Match (RFC 9110 13.1.1) and comparing it strongly with an aggregate's version. */
class IfMatchTests {

    @Test
    void absentRequiresNothing() {
        assertThat(IfMatch.of(null).isPresent()).isFalse();
        assertThatNoException().isThrownBy(() -> IfMatch.of(null).check(42, "Thing 1"));
    }

    @Test
    void readsAListOfTagsWeakOnesKeptWeakAndCommasInsideATagKept() {
        assertThat(IfMatch.of(" \"1\", W/\"2\",\"a,b\" ").tags()).isEqualTo(Set.of("\"1\"", "W/\"2\"", "\"a,b\""));
    }

    @Test
    void passesOnTheCurrentVersionOrAStar() {
        assertThatNoException().isThrownBy(() -> IfMatch.of("\"3\", \"4\"").check(4, "Thing 1"));
        assertThatNoException().isThrownBy(() -> IfMatch.of("*").check(9, "Thing 1"));
    }

    @Test
    void refusesAnotherVersionOrAWeakTagNamingTheCurrentOne() {
        assertThatThrownBy(() -> IfMatch.of("\"3\"").check(4, "Thing 1"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("Thing 1 has changed").hasMessageContaining("ETag \"4\"")
                .extracting(e -> ((PreconditionFailedException) e).currentTag()).isEqualTo("\"4\"");
        assertThatThrownBy(() -> IfMatch.of("W/\"4\"").check(4, "Thing 1"))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "W/3", "", " , ", "\"3\" x"})
    void aMalformedHeaderIsA400NamingIt(String header) {
        assertThatThrownBy(() -> IfMatch.of(header)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("If-Match");
    }
}
