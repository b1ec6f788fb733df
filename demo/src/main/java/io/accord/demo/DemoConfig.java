package io.accord.demo;

import java.nio.file.Path;

/**
 * Where the platform is and how much to do.
 *
 * @param gateway        the gateway, e.g. {@code http://localhost:8080}
 * @param keycloak       Keycloak, e.g. {@code http://localhost:8180}
 * @param kafka          the Kafka bootstrap servers, e.g. {@code localhost:19092}
 * @param mailApi        the mail sink's REST API (first-login e-mails), e.g. {@code http://localhost:8025}
 * @param records        usage records to send over Kafka (duplicates and unratable ones included)
 * @param documents      the folder the issued statements' PDFs are written to
 */
public record DemoConfig(String gateway, String keycloak, String kafka, String mailApi, long records,
                         Path documents) {

    public static final long DEFAULT_RECORDS = 1_000_000;

    /** The ports of {@code ./accord up}, shifted by {@code portOffset} (the launcher's {@code ACCORD_PORT_OFFSET}). */
    public static DemoConfig local(int portOffset, long records, Path documents) {
        return new DemoConfig("http://localhost:" + (8080 + portOffset), "http://localhost:" + (8180 + portOffset),
                "localhost:" + (19092 + portOffset), "http://localhost:" + (8025 + portOffset), records, documents);
    }
}
