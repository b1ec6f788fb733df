package sample.surefire;

/** Test data without tests: any name will do. */
final class SampleFixtures {

    private SampleFixtures() {
    }
}
