package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 gives the evidence uploaded before it the side the name-based inference gave it: the partner's when the name
 * acted as the partner on the partner's disputes, else staff. Run on a schema as it was before V8, in a transaction
 * that is rolled back, as the schema's owner (Flyway's connection).
 */
@AccordServiceTest
class EvidenceUploaderSideMigrationTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final Flyway flyway;

    EvidenceUploaderSideMigrationTests(SettlementFixtures settlement, Flyway flyway) {
        this.settlement = settlement;
        this.flyway = flyway;
    }

    @Test
    void existingEvidenceGetsTheSideItsUploadersNameWasShownAs() throws Exception {
        Disputing as = new Disputing(port);
        Disputing other = new Disputing(port);
        String colleague = "pc-" + as.partnerId.substring(0, 8);
        String newcomer = "pn-" + as.partnerId.substring(0, 8);
        String otherAdmin = "pa-" + other.partnerId.substring(0, 8);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        other.open(settlement.issue(other.partnerId, "100.00", Instant.now()), "1");
        TestHttp colleagues = TestHttp.localPort(port).as(TestJwt.partner(colleague, as.partnerId,
                Roles.PARTNER_USER));
        // the colleague acted as the partner on another dispute of the partner: opened it
        TestHttp.Response opened = colleagues.post(Disputing.TICKETS, Disputing.ticket(statement,
                "line-c-" + System.nanoTime(), "5", "RATE"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = as.open(statement, "20");
        upload(as.partner, id, "opener");
        upload(as.finance, id, "finance");
        upload(colleagues, id, "colleague");
        upload(TestHttp.localPort(port).as(TestJwt.partner(newcomer, as.partnerId, Roles.PARTNER_USER)), id,
                "newcomer");
        // a name that acted as the partner only for another partner
        upload(TestHttp.localPort(port).as(TestJwt.staff(otherAdmin, Roles.FINANCE)), id, "other partner's name");

        Map<String, String> sides = new LinkedHashMap<>();
        // as Flyway runs it: as the schema's owner
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement before = connection.createStatement()) {
                    before.execute("alter table dispute_attachment_version drop column uploader_side");
                }
                // the colleague's dispute as an earlier release kept it: no side on its steps, so only its opening
                // tells that the colleague acted as the partner
                try (PreparedStatement legacy = connection.prepareStatement("""
                        update dispute set history = (select jsonb_agg(change - 'side')
                            from jsonb_array_elements(history) change) where id = cast(? as uuid)""")) {
                    legacy.setString(1, opened.json().path("id").asString());
                    assertThat(legacy.executeUpdate()).isEqualTo(1);
                }
                ScriptUtils.executeSqlScript(connection,
                        new ClassPathResource("db/migration/V8__evidence_uploader_side.sql"));
                try (PreparedStatement select = connection.prepareStatement("""
                        select a.name, v.uploader_side from dispute_attachment a
                        join dispute_attachment_version v on v.attachment_id = a.id
                        where a.dispute_id = cast(? as uuid) order by a.created_at, a.id""")) {
                    select.setString(1, id);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sides.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        assertThat(sides).containsExactly(Map.entry("opener", "PARTNER"), Map.entry("finance", "STAFF"),
                Map.entry("colleague", "PARTNER"), Map.entry("newcomer", "STAFF"),
                Map.entry("other partner's name", "STAFF"));
        // rolled back: the uploads keep the sides their tokens gave them
        assertThat(as.finance.get(Disputing.TICKETS + "/" + id).json().path("attachment").valueStream()
                .map(each -> each.path("uploaderSide").asString()).toList())
                .containsExactly("PARTNER", "STAFF", "PARTNER", "PARTNER", "STAFF");
    }

    private static void upload(TestHttp as, String id, String name) {
        TestHttp.Response uploaded = as.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("name", name).file("file", "cdrs.pdf", "application/pdf", PDF));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    }
}
