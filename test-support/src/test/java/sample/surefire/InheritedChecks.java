package sample.surefire;

import org.junit.jupiter.api.Test;

/** A base class of tests is not run itself; its concrete subclasses are, and need a name Surefire picks up. */
abstract class InheritedChecks {

    @Test
    void inherited() {
    }
}
