package io.accord.orchestration.inventory;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.accord.orchestration.inventory.TestPools.POOLS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under {@code examples/orchestration} (copied into the jar) do what docs/inventory.md and the API docs
 * promise, in the order the docs send them: the whole 100,000-number range of the example is generated at once.
 */
@AccordServiceTest
class InventoryExamplesTests {

    @LocalServerPort
    int port;

    @Test
    void theDocumentedRequestsWorkInTheirOrder() {
        TestHttp ops = TestPools.ops(port);

        TestHttp.Response pool = ops.post(POOLS, text("orchestration/inventory-pool.json"));
        assertThat(pool.status()).as(pool.body()).isEqualTo(201);
        String path = pool.header("Location");
        TestHttp.Response range = ops.post(path + "/ranges", text("orchestration/msisdn-range.json"));
        assertThat(range.status()).as(range.body()).isEqualTo(200);
        assertThat(range.json().get("loaded").asLong()).isEqualTo(100_000);
        TestHttp.Response imported = ops.postMultipart(path + "/imports", new TestMultipart().file("file",
                "msisdns.csv", "text/csv", text("orchestration/msisdns.csv").getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("loaded").asLong()).isEqualTo(5);
        TestHttp.Response watermark = ops.put(path + "/low-watermark", text("orchestration/low-watermark.json"));
        assertThat(watermark.status()).as(watermark.body()).isEqualTo(200);
        assertThat(watermark.json().get("levels").get("available").asLong()).isEqualTo(100_005);

        String item = ops.get(path + "/items?valuePrefix=%2B49152&limit=1").json().get(0).get("id").asString();
        TestHttp.Response quarantined = ops.post(path + "/items/" + item + "/quarantine",
                text("orchestration/item-quarantine.json"));
        assertThat(quarantined.status()).as(quarantined.body()).isEqualTo(200);
        assertThat(quarantined.json().get("quarantinedUntil").asString()).startsWith("2030-06-30");
        TestHttp.Response returned = ops.post(path + "/items/" + item + "/return-to-pool",
                text("orchestration/item-return.json"));
        assertThat(returned.json().get("state").asString()).isEqualTo("AVAILABLE");
        assertThat(ops.post(path + "/items/" + item + "/release", text("orchestration/item-release.json")).status())
                .as("an AVAILABLE item has nothing to release").isEqualTo(409);
    }

    private static String text(String example) {
        try (InputStream in = new ClassPathResource("examples/" + example).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
