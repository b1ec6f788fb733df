package io.accord.orchestration.inventory;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static io.accord.orchestration.inventory.TestPools.POOLS;
import static org.assertj.core.api.Assertions.assertThat;

/** CSV imports and generated ranges: all or nothing, every problem named by row and column. */
@AccordServiceTest
class InventoryImportTests {

    @LocalServerPort
    int port;

    @Test
    void importsEveryRowAndReportsEach() {
        String pool = TestPools.create(port, "MSISDN", null, 0);
        String block = TestPools.msisdnBlock();

        TestHttp.Response imported = upload(pool, "value\n" + block + "001\n" + block + "002\n");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("loaded").asLong()).isEqualTo(2);
        assertThat(imported.json().get("rows").get(1).get("row").asLong()).isEqualTo(3);
        assertThat(imported.json().get("rows").get(1).get("result").asString()).isEqualTo("IMPORTED");
        assertThat(levels(pool).get("available").asLong()).isEqualTo(2);
    }

    @Test
    void importingTheSameFileAgainLeavesItsRowsUnchangedAndImportsOnlyNewOnes() {
        String pool = TestPools.create(port, "MSISDN", null, 0);
        String block = TestPools.msisdnBlock();
        String file = "value\n" + block + "001\n" + block + "002\n";
        assertThat(upload(pool, file).status()).isEqualTo(200);

        TestHttp.Response again = upload(pool, file);
        TestHttp.Response extended = upload(pool, file + block + "003\n");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("loaded").asLong()).isZero();
        assertThat(again.json().get("rows")).extracting(row -> row.get("result").asString())
                .containsExactly("UNCHANGED", "UNCHANGED");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("loaded").asLong()).isEqualTo(1);
        assertThat(extended.json().get("rows")).extracting(row -> row.get("result").asString())
                .containsExactly("UNCHANGED", "UNCHANGED", "IMPORTED");
        assertThat(levels(pool).get("total").asLong()).isEqualTo(3);
        String other = TestPools.create(port, "MSISDN", null, 0);
        TestHttp.Response elsewhere = upload(other, file);
        assertThat(elsewhere.status()).as("values of another pool stay a problem").isEqualTo(400);
        assertThat(elsewhere.json().get("violations").get(0).get("message").asString()).contains("another pool");
        assertThat(levels(other).get("total").asLong()).isZero();
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryRowAndColumn() {
        String pool = TestPools.create(port, "MSISDN", null, 0);
        String existing = TestPools.msisdnPool(port, null, 1, 0);
        String taken = TestPools.ops(port).get(POOLS + "/" + existing + "/items").json().get(0).get("value")
                .asString();
        String block = TestPools.msisdnBlock();

        TestHttp.Response refused = upload(pool, String.join("\n", "value", block + "001", "12ab", block + "001",
                taken, block + "005"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("violations")).extracting(v -> v.get("field").asString())
                .containsExactly("row 3, value", "row 4, value");
        assertThat(refused.json().get("violations").get(1).get("message").asString()).contains("duplicates row 2");
        assertThat(levels(pool).get("total").asLong()).as("nothing imported").isZero();

        TestHttp.Response duplicate = upload(pool, "value\n" + block + "001\n" + taken + "\n");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("violations").get(0).get("field").asString()).isEqualTo("row 3, value");
        assertThat(duplicate.json().get("violations").get(0).get("message").asString()).contains("already");
        assertThat(levels(pool).get("total").asLong()).isZero();
    }

    @Test
    void aFileThatIsNoItemCsvIsAProblem() {
        String pool = TestPools.create(port, "ICCID", null, 0);

        assertField(upload(pool, "iccid\n8949000000000000000\n"), "row 1, header");
        assertField(upload(pool, ""), "row 1, header");
        assertField(upload(pool, "value\n8949000000000000001\n"), "row 2, value");
        assertField(TestPools.ops(port).postMultipart(POOLS + "/" + pool + "/imports",
                new TestMultipart().field("note", "no file")), "file");
        assertField(TestPools.ops(port).postMultipart(POOLS + "/" + pool + "/imports",
                new TestMultipart().file("file", "x.csv", "text/csv", new byte[]{(byte) 0xC3, (byte) 0x28})), "file");
        assertThat(TestPools.ops(port).post(POOLS + "/" + pool + "/imports", "{}").status()).isEqualTo(415);
    }

    @Test
    void generatesAnIccidRangeWithCheckDigitsAndRefusesAnOverlap() {
        String pool = TestPools.create(port, "ICCID", null, 0);
        String body = "8949" + TestPools.msisdnBlock().substring(5) + "0000000";

        TestHttp.Response generated = TestPools.ops(port).post(POOLS + "/" + pool + "/ranges",
                "{\"from\":\"" + body + "\",\"to\":\"" + body.substring(0, body.length() - 2) + "99\"}");

        assertThat(generated.status()).as(generated.body()).isEqualTo(200);
        assertThat(generated.json().get("loaded").asLong()).isEqualTo(100);
        String first = generated.json().get("rows").get(0).get("value").asString();
        assertThat(first).hasSize(19).startsWith(body);
        assertThat(Luhn.isValid(first)).isTrue();
        TestHttp.Response overlap = TestPools.ops(port).post(POOLS + "/" + pool + "/ranges",
                "{\"from\":\"" + body.substring(0, body.length() - 2) + "50\",\"to\":\"" + body.substring(0,
                        body.length() - 3) + "150\"}");
        assertThat(overlap.status()).as(overlap.body()).isEqualTo(409);
        assertThat(overlap.json().get("detail").asString()).contains(first.substring(0, 16));
        assertThat(levels(pool).get("total").asLong()).isEqualTo(100);
    }

    @Test
    void aBadRangeIsAProblemNamingTheField() {
        String pool = TestPools.create(port, "MSISDN", null, 0);
        String block = TestPools.msisdnBlock();

        assertField(range(pool, block + "009", block + "000"), "to");
        assertField(range(pool, "abc", block + "000"), "from");
        assertField(range(pool, "+4915100000000", "+4916100000000"), "to");
        assertThat(range(pool, null, block).status()).isEqualTo(400);
        assertField(range(TestPools.create(port, "LICENCE_KEY", null, 0), "KEY-00000001", "KEY-00000009"), "from");
    }

    private TestHttp.Response range(String pool, String from, String to) {
        return TestPools.ops(port).post(POOLS + "/" + pool + "/ranges", "{\"from\":" + quoted(from) + ",\"to\":"
                + quoted(to) + "}");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private TestHttp.Response upload(String pool, String csv) {
        return TestPools.ops(port).postMultipart(POOLS + "/" + pool + "/imports", new TestMultipart()
                .file("file", "items.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode levels(String pool) {
        return TestPools.ops(port).get(POOLS + "/" + pool).json().get("levels");
    }

    private static void assertField(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("violations").findValues("field")).extracting(JsonNode::asString)
                .as(response.body()).contains(field);
    }
}
