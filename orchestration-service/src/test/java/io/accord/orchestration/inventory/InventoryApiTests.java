package io.accord.orchestration.inventory;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.accord.orchestration.inventory.TestPools.POOLS;
import static org.assertj.core.api.Assertions.assertThat;

/** The pool and item API as ops, auditors and partners use it: roles, tenancy, filters, problems. */
@AccordServiceTest
class InventoryApiTests {

    @LocalServerPort
    int port;

    @Test
    void opsCreateAPoolAndReadItsLevels() {
        TestHttp.Response created = TestPools.ops(port).post(POOLS, """
                {"name":"Berlin SIMs","resourceType":"ICCID","lowWatermark":10}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(created.json().get("href").asString());
        JsonNode pool = TestPools.ops(port).get(created.header("Location")).json();
        assertThat(pool.get("resourceType").asString()).isEqualTo("ICCID");
        assertThat(pool.has("partnerId")).isFalse();
        assertThat(pool.get("levels").get("total").asLong()).isZero();
        assertThat(auditor().get(POOLS + "?resourceType=ICCID").header("X-Total-Count")).isNotEqualTo("0");
    }

    @Test
    void badPoolRequestsAreProblemsNamingTheField() {
        TestHttp ops = TestPools.ops(port);

        assertViolation(ops.post(POOLS, "{\"name\":\"x\",\"resourceType\":\"PHONE\"}"), "resourceType");
        assertViolation(ops.post(POOLS, "{\"resourceType\":\"MSISDN\"}"), "name");
        assertViolation(ops.post(POOLS, "{\"name\":\"x\",\"resourceType\":\"MSISDN\",\"lowWatermark\":-1}"),
                "lowWatermark");
        assertViolation(ops.post(POOLS, "{\"name\":\"x\",\"resourceType\":\"MSISDN\",\"colour\":\"red\"}"), "colour");
        assertViolation(ops.post(POOLS, "{\"name\":\"x\",\"resourceType\":\"MSISDN\",\"partnerId\":\"nope\"}"),
                "partnerId");
        assertThat(ops.post(POOLS, "{\"name\":").status()).isEqualTo(400);
        assertThat(ops.get(POOLS + "?limit=0").status()).isEqualTo(400);
        assertViolation(ops.get(POOLS + "?resourceType=PHONE"), "resourceType");
    }

    @Test
    void unknownIdsOfAnyShapeAreNotFound() {
        TestHttp ops = TestPools.ops(port);
        String pool = TestPools.msisdnPool(port, null, 1, 0);

        for (String id : new String[]{UUID.randomUUID().toString(), "123", "null", "not-a-uuid"}) {
            assertThat(ops.get(POOLS + "/" + id).status()).isEqualTo(404);
            assertThat(ops.get(POOLS + "/" + id + "/items").status()).isEqualTo(404);
            assertThat(ops.get(POOLS + "/" + pool + "/items/" + id).status()).isEqualTo(404);
            assertThat(ops.post(POOLS + "/" + pool + "/items/" + id + "/release", "{\"reason\":\"r\"}").status())
                    .isEqualTo(404);
        }
        assertThat(ops.get(POOLS + "/" + UUID.randomUUID()).contentType()).startsWith("application/problem+json");
    }

    @Test
    void rolesThatMayNotWriteAreForbiddenWhateverTheySend() {
        String pool = TestPools.msisdnPool(port, null, 1, 0);
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("p", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));

        for (TestHttp caller : new TestHttp[]{auditor(), partner, staff(Roles.PARTNER_MANAGER), staff(Roles.FINANCE)}) {
            assertThat(caller.post(POOLS, "{}").status()).isEqualTo(403);
            assertThat(caller.post(POOLS + "/" + pool + "/ranges", "{}").status()).isEqualTo(403);
        }
        assertThat(staff(Roles.FINANCE).get(POOLS).status()).isEqualTo(403);
        assertThat(partner.get(POOLS + "/" + pool + "/items").status()).isEqualTo(403);
        assertThat(staff(Roles.PLATFORM_ADMIN).post(POOLS, "{\"name\":\"Admin pool\",\"resourceType\":\"IMSI\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void aPartnerSeesOnlyItsOwnPoolsAndTheirLevels() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String poolA = TestPools.msisdnPool(port, a, 4, 0);
        String poolB = TestPools.msisdnPool(port, b, 2, 0);
        String csp = TestPools.msisdnPool(port, null, 2, 0);
        TestHttp partnerA = TestHttp.localPort(port).as(TestJwt.partner("a-user", a, Roles.PARTNER_USER));

        TestHttp.Response listed = partnerA.get(POOLS);
        assertThat(listed.header("X-Total-Count")).isEqualTo("1");
        assertThat(listed.json().get(0).get("id").asString()).isEqualTo(poolA);
        assertThat(partnerA.get(POOLS + "/" + poolA).json().get("levels").get("available").asLong()).isEqualTo(4);
        assertThat(partnerA.get(POOLS + "/" + poolB).status()).isEqualTo(404);
        assertThat(partnerA.get(POOLS + "/" + csp).status()).isEqualTo(404);
        JsonNode levels = partnerA.get("/api/orchestration/inventory/levels").json();
        assertThat(levels).hasSize(1);
        assertThat(levels.get(0).get("resourceType").asString()).isEqualTo("MSISDN");
        assertThat(levels.get(0).get("levels").get("total").asLong()).isEqualTo(4);
    }

    @Test
    void itemsAreListedByStateAndValuePrefixInValueOrder() {
        String pool = TestPools.msisdnPool(port, null, 25, 0);
        String first = TestPools.ops(port).get(POOLS + "/" + pool + "/items?limit=1").json().get(0).get("value")
                .asString();
        String block = first.substring(0, first.length() - 3);

        TestHttp.Response page = auditor().get(POOLS + "/" + pool + "/items?state=AVAILABLE&valuePrefix="
                + block.replace("+", "%2B") + "01&offset=2&limit=3");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("10");
        assertThat(page.json()).extracting(item -> item.get("value").asString())
                .containsExactly(block + "012", block + "013", block + "014");
        assertThat(auditor().get(POOLS + "/" + pool + "/items?state=RESERVED").header("X-Total-Count"))
                .isEqualTo("0");
        assertViolation(auditor().get(POOLS + "/" + pool + "/items?state=LOST"), "state");
    }

    @Test
    void opsQuarantineAndReturnAnItemAndTheAuditTrailShowsIt() {
        String pool = TestPools.msisdnPool(port, null, 2, 0);
        TestHttp ops = TestPools.ops(port);
        String item = ops.get(POOLS + "/" + pool + "/items?limit=1").json().get(0).get("id").asString();
        String path = POOLS + "/" + pool + "/items/" + item;

        TestHttp.Response quarantined = ops.post(path + "/quarantine", "{\"reason\":\"fraud case 12\"}");
        assertThat(quarantined.status()).as(quarantined.body()).isEqualTo(200);
        assertThat(quarantined.json().get("state").asString()).isEqualTo("QUARANTINED");
        assertThat(ops.post(path + "/quarantine", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(ops.post(path + "/release", "{\"reason\":\"not allocated\"}").status()).isEqualTo(409);
        assertViolation(ops.post(path + "/return-to-pool", "{}"), "reason");

        TestHttp.Response returned = ops.post(path + "/return-to-pool", "{\"reason\":\"case closed\"}");
        assertThat(returned.json().get("state").asString()).isEqualTo("AVAILABLE");
        assertThat(returned.json().get("history")).extracting(entry -> entry.get("action").asString())
                .containsExactly("QUARANTINED", "RETURNED_TO_POOL");
        assertThat(returned.json().get("history").get(0).get("actor").asString()).isEqualTo("ops-inventory");
        JsonNode trail = auditor().get("/api/orchestration/audit?limit=50").json();
        assertThat(trail.findValues("resourceId")).extracting(JsonNode::asString).contains(item);
    }

    private static void assertViolation(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("violations").findValues("field")).extracting(JsonNode::asString)
                .as(response.body()).contains(field);
    }

    private TestHttp auditor() {
        return staff(Roles.AUDITOR);
    }

    private TestHttp staff(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(role + "-user", role));
    }
}
