package io.accord.catalog.importjob;

import io.accord.catalog.offering.Offerings;
import io.accord.catalog.offering.Owner;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the import and export tests share: partners, the example files, uploading and waiting for a job. */
final class ImportFixtures {

    static final String IMPORT_JOBS = "/tmf-api/productCatalogManagement/v4/importJob";
    static final String EXPORT_JOBS = "/tmf-api/productCatalogManagement/v4/exportJob";
    /** The demo reseller the example's co-created offer names as participant. */
    static final String DEMO_RESELLER = "22222222-2222-4222-8222-222222222222";

    private ImportFixtures() {
    }

    static String activePartner(PartnerView partners, String name) {
        String id = UUID.randomUUID().toString();
        activate(partners, id, name);
        return id;
    }

    static void activate(PartnerView partners, String id, String name) {
        PartnerEvents.activated(id, name);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id))
                .filter(partner -> partner.isActive()).isPresent());
    }

    static String example(String file) {
        try {
            return Files.readString(Path.of("..", "examples", "catalog", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestHttp.Response upload(TestHttp client, String query, String body, String contentType) {
        return client.send("POST", IMPORT_JOBS + query, body, contentType);
    }

    /** Uploads and waits until the job ends; the job as {@code GET} answers it then. */
    static JsonNode importAndWait(TestHttp client, String query, String body, String contentType) {
        TestHttp.Response created = upload(client, query, body, contentType);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return awaitEnd(client, created.header("Location"));
    }

    static JsonNode awaitEnd(TestHttp client, String href) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = client.get(href).json().get("status").asString();
            return status.equals("Succeeded") || status.equals("Failed");
        });
        return client.get(href).json();
    }

    /** How many offerings the partner owns now (all of them, each once). */
    static long exported(Offerings offerings, String partner) {
        AtomicLong count = new AtomicLong();
        offerings.exportAll(Owner.partner(UUID.fromString(partner)), draft -> count.incrementAndGet());
        return count.get();
    }

    static long outcome(JsonNode job, String outcome) {
        JsonNode count = job.get("outcomes").get(outcome);
        return count == null ? 0 : count.asLong();
    }

    /** A CSV of {@code rows} single offerings with one monthly price each, keyed {@code <prefix>-<n>}. */
    static String generated(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("externalId,name,category,priceExternalId,priceName,priceType,amount,"
                + "currency,taxCategory,recurringPeriod,priceValidFrom\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append('-').append(i).append(",Offer ").append(i).append(",VIDEO,monthly,Monthly,")
                    .append("RECURRING,").append(1 + i % 50).append(".99,EUR,STANDARD,MONTH,2026-01-01\n");
        }
        return csv.toString();
    }
}
