package io.accord.onboarding.document;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

import static io.accord.onboarding.document.DocumentClient.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application flow's view: documents stored before the partner exists, then handed over on activation. */
@AccordServiceTest
class DocumentsJavaApiTests {

    @LocalServerPort
    int port;

    private final Documents documents;

    private final TransactionTemplate transaction;

    private final JdbcClient jdbc;

    DocumentsJavaApiTests(Documents documents, TransactionTemplate transaction, JdbcClient jdbc) {
        this.documents = documents;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    private UUID applicationId;
    private DocumentOwner application;
    private String partnerId;
    private DocumentClient partnerAdmin;
    private DocumentClient manager;

    @BeforeEach
    void setUp() {
        applicationId = UUID.randomUUID();
        application = DocumentOwner.application(applicationId);
        partnerId = DocumentApiTests.createPartner(port, "Newcomer BV");
        partnerAdmin = new DocumentClient(port, TestJwt.partner("pa", partnerId, Roles.PARTNER_ADMIN));
        manager = new DocumentClient(port, TestJwt.staff("pm", Roles.PARTNER_MANAGER));
    }

    @Test
    void anApplicationsDocumentsAreStoredWithTheirTypesAndReachableByStaffOnly() throws Exception {
        DocumentRef tax = documents.store(application, "TAX_FORM", "W-8BEN-E", SampleFiles.PDF, null);
        documents.store(application, "BANK_PROOF", "Bank letter", SampleFiles.JPEG, LocalDate.of(2030, 1, 1));

        assertThat(tax.version()).isEqualTo(1);
        assertThat(tax.mimeType()).isEqualTo("application/pdf");
        assertThat(tax.sha256()).isEqualTo(DocumentApiTests.sha256Hex(SampleFiles.PDF));
        assertThat(tax.href()).isEqualTo(DOCUMENTS + "/" + tax.id());
        assertThat(documents.documentTypesOf(application)).containsExactlyInAnyOrder("TAX_FORM", "BANK_PROOF");
        JsonNode seenByStaff = manager.get(tax.href()).json();
        assertThat(seenByStaff.get("relatedParty").get(0).get("id").asString()).isEqualTo(applicationId.toString());
        assertThat(seenByStaff.get("relatedParty").get(0).get("@referredType").asString()).isEqualTo("PartnerApplication");
        assertThat(manager.get(tax.href() + "/content").body()).isEqualTo(SampleFiles.PDF);
        assertThat(partnerAdmin.get(tax.href()).status()).isEqualTo(404);
        assertThat(partnerAdmin.get(tax.href() + "/content").status()).isEqualTo(404);
    }

    @Test
    void activationHandsTheDocumentsToThePartnerAuditedInTheSameTransaction() {
        DocumentRef contract = documents.store(application, "CONTRACT", "Signed terms", SampleFiles.PDF, null);

        transaction.executeWithoutResult(status -> documents.transferToPartner(applicationId, PartnerId.of(partnerId)));

        assertThat(partnerAdmin.get(contract.href()).status()).isEqualTo(200);
        assertThat(partnerAdmin.get(DOCUMENTS).header("X-Total-Count")).isEqualTo("1");
        assertThat(documents.documentTypesOf(DocumentOwner.partner(PartnerId.of(partnerId)))).containsExactly("CONTRACT");
        assertThat(documents.documentTypesOf(application)).isEmpty();
        JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=document&resourceId=" + contract.id()).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("transferred-to-partner");
        assertThat(trail.get(0).get("partnerId").asString()).isEqualTo(partnerId);
        assertThat(trail.get(1).get("action").asString()).isEqualTo("uploaded");
    }

    @Test
    void aFailedActivationLeavesTheDocumentsWithTheApplication() {
        DocumentRef contract = documents.store(application, "CONTRACT", "Signed terms", SampleFiles.PDF, null);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            documents.transferToPartner(applicationId, PartnerId.of(partnerId));
            throw new IllegalStateException("activation failed later");
        })).hasMessage("activation failed later");

        assertThat(documents.documentTypesOf(application)).containsExactly("CONTRACT");
        assertThat(partnerAdmin.get(contract.href()).status()).isEqualTo(404);
    }

    @Test
    void theJavaApiAppliesTheUploadRulesAndStoresNothingWhenOneFails() {
        long before = jdbc.sql("select count(*) from document").query(Long.class).single();

        assertThatThrownBy(() -> documents.store(application, "CONTRACT", "Contract", SampleFiles.EXE, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("file"));
        assertThatThrownBy(() -> documents.store(application, "PASSPORT", "Passport", SampleFiles.PDF, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("documentType"));
        assertThatThrownBy(() -> documents.store(application, "CONTRACT", " ", SampleFiles.PDF, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> documents.store(application, "CONTRACT", "Huge",
                SampleFiles.pdfOfSize(10 * 1024 * 1024 + 1), null)).isInstanceOf(MaxUploadSizeExceededException.class);

        assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(before);
        assertThat(documents.documentTypesOf(application)).isEmpty();
    }
}
