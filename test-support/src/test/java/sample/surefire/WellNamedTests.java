package sample.surefire;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Run by Surefire with its @Nested class; the static nested class is never run. */
class WellNamedTests {

    @Test
    void runs() {
    }

    @Nested
    class WhenNested {

        @Test
        void runsThroughItsEnclosingClass() {
        }
    }

    static class ForgottenStatic {

        @Test
        void neverRuns() {
        }
    }
}
