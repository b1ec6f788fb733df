package sample.surefire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Run by Surefire, but not named as Accord names tests. */
class LegacyTest {

    @ParameterizedTest
    @ValueSource(ints = 1)
    void runs(int value) {
    }
}
