package sample.surefire;

import org.junit.jupiter.api.Test;

/** A test Surefire never runs: its name matches none of Surefire's includes. */
class MisnamedProperties {

    @Test
    void neverRuns() {
    }
}
