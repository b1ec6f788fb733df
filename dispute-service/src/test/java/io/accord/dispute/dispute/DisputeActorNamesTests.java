package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's views of a dispute name no staff user (as "Accord"), only its own users and {@code system}; staff's
 * views name everyone.
 */
@AccordServiceTest
class DisputeActorNamesTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;

    DisputeActorNamesTests(SettlementFixtures settlement, JdbcClient jdbc) {
        this.settlement = settlement;
        this.jdbc = jdbc;
    }

    @Test
    void aPartnerSeesStaffAsAccordAndItsOwnUsersByNameWhileStaffSeeEveryName() {
        Disputing as = new Disputing(port);
        String admin = "pa-" + as.partnerId.substring(0, 8);
        String colleague = "pu-" + as.partnerId.substring(0, 8);
        TestHttp user = TestHttp.localPort(port).as(TestJwt.partner(colleague, as.partnerId, Roles.PARTNER_USER));
        assertThat(as.partner.post("/tmf-api/troubleTicket/v4/hub", "{\"callback\": \"http://127.0.0.1:9/l\"}")
                .status()).isEqualTo(201);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        // the colleague acted as the partner before (opened another dispute), then only uploads evidence on this one
        assertThat(user.post(Disputing.TICKETS, Disputing.ticket(statement, "line-c-" + System.nanoTime(), "5",
                "RATE")).status()).isEqualTo(201);
        String id = as.open(statement, "40");
        as.step(as.partner, id, "comments", "{\"text\": \"see our CDRs\"}");
        upload(user, id, "partner CDRs");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "comments", "{\"text\": \"looking into it\"}");
        upload(as.finance, id, "our CDRs");
        assertThat(as.step(as.finance, id, "escalation", "{}").status()).isEqualTo(200);
        as.step(as.finance, id, "proposal", Disputing.proposal("10"));
        TestHttp.Response rejected = as.step(as.partner, id, "rejection", "{\"reason\": \"the whole month\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        List<JsonNode> partnerViews = List.of(rejected.json(), as.partner.get(Disputing.TICKETS + "/" + id).json(),
                as.partner.get(Disputing.TICKETS + "?statementId=" + statement + "&status=inReview").json().get(0));
        for (JsonNode view : partnerViews) {
            assertThat(actors(view, "statusChangeHistory", "changedBy"))
                    .containsExactly(admin, "Accord", "Accord", "Accord", admin, admin);
            assertThat(actors(view, "statusChangeHistory", "changeReason")).contains("requested by Accord");
            assertThat(actors(view, "note", "author")).containsExactly(admin, "Accord");
            assertThat(actors(view, "attachment", "uploadedBy")).containsExactly(colleague, "Accord");
            assertThat(view.toString()).doesNotContain("\"fin\"", "by fin");
        }
        JsonNode staff = as.finance.get(Disputing.TICKETS + "/" + id).json();
        assertThat(actors(staff, "statusChangeHistory", "changedBy"))
                .containsExactly(admin, "fin", "fin", "fin", admin, admin);
        assertThat(actors(staff, "statusChangeHistory", "changeReason")).contains("requested by fin");
        assertThat(actors(staff, "note", "author")).containsExactly(admin, "fin");
        assertThat(actors(staff, "attachment", "uploadedBy")).containsExactly(colleague, "fin");

        // the hub notifications and the audit trail carry the partner's view (before and after) too
        assertThat(count("select count(*) from hub_event where payload like :id", id)).isGreaterThanOrEqualTo(8);
        assertThat(count("select count(*) from hub_event where payload like :id and (payload like '%\"fin\"%'"
                + " or payload like '%by fin%')", id)).isZero();
        assertThat(count("select count(*) from audit_event where resource_id = :id", id)).isGreaterThanOrEqualTo(8);
        assertThat(count("select count(*) from audit_event where resource_id = :id and (cast(before_state as text)"
                + " like '%\"fin\"%' or cast(after_state as text) like '%\"fin\"%'"
                + " or cast(after_state as text) like '%by fin%')", id)).isZero();
    }

    @Test
    void stepsRecordedBeforeTheirSideWasKeptAreShownByWhatTheyWere() {
        Disputing as = new Disputing(port);
        String admin = "pa-" + as.partnerId.substring(0, 8);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "30");
        assertThat(as.step(as.finance, id, "escalation", "{}").status()).isEqualTo(200);
        as.step(as.finance, id, "proposal", Disputing.proposal("5"));
        as.step(as.partner, id, "rejection", "{\"reason\": \"too little\"}");
        // as a dispute of an earlier release kept them: no side on any step
        jdbc.sql("""
                        update dispute set history = (select jsonb_agg(change - 'side') from
                            jsonb_array_elements(history) change) where id = cast(:id as uuid)
                        """).param("id", id).update();

        JsonNode partner = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(actors(partner, "statusChangeHistory", "changedBy"))
                .containsExactly(admin, "Accord", "Accord", admin, admin);
        assertThat(actors(partner, "statusChangeHistory", "changeReason")).contains("requested by Accord");
        assertThat(actors(as.finance.get(Disputing.TICKETS + "/" + id).json(), "statusChangeHistory", "changedBy"))
                .containsExactly(admin, "fin", "fin", admin, admin);
    }

    @Test
    void evidenceIsShownByTheSideThatUploadedItWhateverItsUploaderIsCalled() {
        Disputing as = new Disputing(port);
        String admin = "pa-" + as.partnerId.substring(0, 8);
        String newcomer = "pn-" + as.partnerId.substring(0, 8);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "20");
        // a staff user whose name is the one that opened the dispute as the partner (names cannot tell them apart)
        upload(TestHttp.localPort(port).as(TestJwt.staff(admin, Roles.FINANCE)), id, "staff CDRs");
        // a partner user whose first act on any dispute is this upload
        upload(TestHttp.localPort(port).as(TestJwt.partner(newcomer, as.partnerId, Roles.PARTNER_USER)), id,
                "partner CDRs");

        JsonNode partner = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(actors(partner, "attachment", "uploadedBy")).containsExactly("Accord", newcomer);
        assertThat(actors(partner, "attachment", "uploaderSide")).containsExactly("STAFF", "PARTNER");
        assertThat(actors(partner, "note", "author")).isEmpty();
        assertThat(actors(partner, "statusChangeHistory", "changedBy")).containsExactly(admin);
        JsonNode staff = as.finance.get(Disputing.TICKETS + "/" + id).json();
        assertThat(actors(staff, "attachment", "uploadedBy")).containsExactly(admin, newcomer);
        assertThat(actors(staff, "attachment", "uploaderSide")).containsExactly("STAFF", "PARTNER");
        // the audit rows carry the partner's view: the staff upload under no user's name
        assertThat(count("select count(*) from audit_event where resource_id = :id and action = 'evidence-added'",
                id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and (cast(before_state as text)"
                        + " like :shown or cast(after_state as text) like :shown)").param("id", id)
                .param("shown", "%\"uploadedBy\": \"" + admin + "\"%").query(Long.class).single()).isZero();
    }

    private static void upload(TestHttp as, String id, String name) {
        TestHttp.Response uploaded = as.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("name", name).file("file", "cdrs.pdf", "application/pdf", PDF));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    }

    private static List<String> actors(JsonNode ticket, String list, String field) {
        return ticket.path(list).valueStream().map(each -> each.path(field).asString("")).toList();
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", sql.contains("like :id") ? "%" + id + "%" : id).query(Long.class).single();
    }
}
