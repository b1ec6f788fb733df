package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check result answers a stable {@code reasonCode} (docs/onboarding-checks.md): the full one to staff, a neutral
 * one to the applicant, and a derived one for results recorded before the codes existed.
 */
@AccordServiceTest
class CheckReasonCodeTests {

    private static final String REVIEW = "/api/onboarding/admin/applications";

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;

    CheckReasonCodeTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void staffSeeTheDuplicateTaxIdCodeTheApplicantANeutralOneAndOldRowsAnswerToo() {
        TestHttp anonymous = TestHttp.localPort(port);
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm-rita", Roles.PARTNER_MANAGER));
        String vat = Applicants.uniqueGermanVat();
        Applicants.Draft first = Applicants.apply(anonymous, Applicants.cleanOtt(Applicants.uniqueName("First Code"),
                vat));
        assertThat(first.submit(anonymous).status()).isEqualTo(200);
        Applicants.Draft second = Applicants.apply(anonymous, Applicants.cleanOtt(
                Applicants.uniqueName("Second Code"), vat));

        JsonNode submitted = second.submit(anonymous).json();

        assertThat(codes(submitted)).containsEntry("duplicates", "POSSIBLE_DUPLICATE")
                .containsEntry("tax-id", "VAT_ID_VALID").containsEntry("mandatory-data", "MANDATORY_DATA_COMPLETE");
        assertThat(submitted.toString()).doesNotContain("DUPLICATE_TAX_ID");
        Map<String, String> staff = codes(manager.get(REVIEW + "/" + second.id()).json());
        assertThat(staff).containsEntry("duplicates", "DUPLICATE_TAX_ID").containsEntry("tax-id", "VAT_ID_VALID")
                .containsEntry("screening", "SCREENING_CLEAR");

        String stored = jdbc.sql("select checks from partner_application where id = :id")
                .param("id", UUID.fromString(second.id())).query(String.class).single();
        assertThat(stored).contains("\"reasonCode\"");
        jdbc.sql("update partner_application set checks = :checks where id = :id")
                .param("checks", stored.replaceAll("\"reasonCode\"\\s*:\\s*\"[A-Z_]+\"\\s*,?", ""))
                .param("id", UUID.fromString(second.id())).update();

        assertThat(codes(manager.get(REVIEW + "/" + second.id()).json())).isEqualTo(staff);
        assertThat(codes(second.get(anonymous).json())).containsEntry("duplicates", "POSSIBLE_DUPLICATE");
    }

    private static Map<String, String> codes(JsonNode application) {
        Map<String, String> codes = new LinkedHashMap<>();
        application.get("checks").forEach(check -> codes.put(check.get("check").asString(),
                check.get("reasonCode").asString()));
        return codes;
    }
}
