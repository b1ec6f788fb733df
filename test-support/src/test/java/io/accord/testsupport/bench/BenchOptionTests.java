package io.accord.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The service benches' command lines: {@code --name value} and {@code --name=value} alike. */
class BenchOptionTests {

    @Test
    void readsSeparateAndInlineValuesSplittingAtTheFirstEqualsSign() {
        assertThat(BenchOption.parse(new String[] {"--records", "2.5", "--jfr=/tmp/x.jfr",
                "--service-arg", "--a.b=4000", "--service-arg=--c.d=e"})).containsExactly(
                new BenchOption("--records", "--records", "2.5"),
                new BenchOption("--jfr=/tmp/x.jfr", "--jfr", "/tmp/x.jfr"),
                new BenchOption("--service-arg", "--service-arg", "--a.b=4000"),
                new BenchOption("--service-arg=--c.d=e", "--service-arg", "--c.d=e"));
    }

    @Test
    void anOptionAtTheEndWithoutItsValueHasNone() {
        assertThat(BenchOption.parse(new String[] {"--partners"}))
                .containsExactly(new BenchOption("--partners", "--partners", null));
        assertThat(BenchOption.parse(new String[0])).isEmpty();
    }
}
