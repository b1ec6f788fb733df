package io.accord.orchestration.activation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The repository's example requests (examples/orchestration), as the service's jar carries them. */
final class Examples {

    private Examples() {
    }

    static String of(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/orchestration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
