package io.accord.testsupport;

import java.nio.file.Path;

/** Run by {@link TestInfrastructureCleanupTests} in a JVM of its own: starts both test servers, names them, ends. */
final class TestInfrastructureChild {

    private TestInfrastructureChild() {
    }

    public static void main(String[] arguments) {
        TestInfrastructure.database("cleanup");
        TestInfrastructure.kafkaBootstrap();
        for (Path directory : TestInfrastructure.serverDirectories()) {
            System.out.println("directory " + directory);
        }
        System.out.println("postgres-pid " + TestInfrastructure.embeddedPostgresPid());
        System.out.println("kafka-pid " + TestInfrastructure.embeddedKafka().pid());
        System.out.flush();
        // a test JVM ends through System.exit too (Surefire's fork), which runs the shutdown hooks
        System.exit(0);
    }
}
