package io.accord.onboarding.document;

import io.accord.testsupport.TestMultipart;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static io.accord.onboarding.document.DocumentClient.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** Uploading, reading and downloading documents as a partner and as staff. */
@AccordServiceTest
class DocumentApiTests {

    @LocalServerPort
    int port;

    private String partnerId;
    private DocumentClient partnerAdmin;
    private DocumentClient manager;

    @BeforeEach
    void partner() {
        partnerId = createPartner(port, "Documented GmbH");
        partnerAdmin = new DocumentClient(port, TestJwt.partner("pa", partnerId, Roles.PARTNER_ADMIN));
        manager = new DocumentClient(port, TestJwt.staff("pm", Roles.PARTNER_MANAGER));
    }

    @Test
    void aPartnerUploadsAPdfAndGetsTheTmfResourceWithTheRecordedChecksum() throws Exception {
        DocumentClient.Response created = partnerAdmin.upload(new TestMultipart()
                .file("file", "master-agreement.pdf", "application/pdf", SampleFiles.PDF)
                .field("documentType", "CONTRACT").field("name", "Master agreement")
                .field("expiryDate", "2027-12-31"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode document = created.json();
        String id = document.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(DOCUMENTS + "/" + id);
        assertThat(document.get("href").asString()).isEqualTo(DOCUMENTS + "/" + id);
        assertThat(document.get("@type").asString()).isEqualTo("Document");
        assertThat(document.get("name").asString()).isEqualTo("Master agreement");
        assertThat(document.get("documentType").asString()).isEqualTo("CONTRACT");
        assertThat(document.get("version").asString()).isEqualTo("1");
        assertThat(document.get("status").asString()).isEqualTo("created");
        assertThat(document.get("expiryDate").asString()).isEqualTo("2027-12-31");
        assertThat(document.get("creationDate").asString()).isNotBlank();
        assertThat(document.get("lastUpdate").asString()).isNotBlank();
        JsonNode attachment = document.get("attachment").get(0);
        assertThat(attachment.get("mimeType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").get("amount").asLong()).isEqualTo(SampleFiles.PDF.length);
        assertThat(attachment.get("size").get("units").asString()).isEqualTo("bytes");
        assertThat(attachment.get("name").asString()).isEqualTo("master-agreement.pdf");
        assertThat(attachment.get("sha256").asString()).isEqualTo(sha256Hex(SampleFiles.PDF));
        assertThat(attachment.get("url").asString()).isEqualTo(DOCUMENTS + "/" + id + "/version/1/content");
        JsonNode owner = document.get("relatedParty").get(0);
        assertThat(owner.get("id").asString()).isEqualTo(partnerId);
        assertThat(owner.get("role").asString()).isEqualTo("owner");
        assertThat(owner.get("@referredType").asString()).isEqualTo("Organization");
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id).json().get("name").asString()).isEqualTo("Master agreement");
    }

    @Test
    void pngAndJpegAreAcceptedAndRecognisedByContentWhateverTheyAreCalled() {
        DocumentClient.Response png = partnerAdmin.upload(form(SampleFiles.PNG, "scan.bin", "application/octet-stream",
                "IDENTITY", "Director passport"));
        DocumentClient.Response jpeg = partnerAdmin.upload(form(SampleFiles.JPEG, "photo.pdf", "application/pdf",
                "BANK_PROOF", "Bank letter"));

        assertThat(png.status()).as(png.toString()).isEqualTo(201);
        assertThat(png.json().get("attachment").get(0).get("mimeType").asString()).isEqualTo("image/png");
        assertThat(jpeg.status()).as(jpeg.toString()).isEqualTo(201);
        assertThat(jpeg.json().get("attachment").get(0).get("mimeType").asString()).isEqualTo("image/jpeg");
    }

    @Test
    void theDownloadIsTheStoredBytesWithTypeNameAndAChecksumThatMatchesTheRecordedOne() throws Exception {
        JsonNode created = partnerAdmin.upload(form(SampleFiles.PDF, "c.pdf", "application/pdf", "CONTRACT",
                "Master agreement")).json();
        String recorded = created.get("attachment").get(0).get("sha256").asString();

        DocumentClient.Response download = partnerAdmin.get(DOCUMENTS + "/" + created.get("id").asString() + "/content");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(SampleFiles.PDF);
        assertThat(sha256Hex(download.body())).isEqualTo(recorded);
        assertThat(download.header("X-Checksum-SHA256")).isEqualTo(recorded);
        assertThat(download.header("Digest")).isEqualTo("sha-256="
                + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(download.body())));
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                .contains("Master agreement.pdf");
        // a TMF fields= selection must not touch the bytes
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + created.get("id").asString() + "/content?fields=name").body())
                .isEqualTo(SampleFiles.PDF);
    }

    @Test
    void aNewVersionBecomesTheLatestAndEveryEarlierVersionStaysListableAndDownloadable() throws Exception {
        String id = partnerAdmin.upload(form(SampleFiles.PDF, "v1.pdf", "application/pdf", "CERTIFICATE",
                "ISO 27001 certificate")).json().get("id").asString();

        DocumentClient.Response second = partnerAdmin.post(DOCUMENTS + "/" + id + "/version", new TestMultipart()
                .file("file", "v2.png", "image/png", SampleFiles.PNG).field("expiryDate", "2028-01-31"));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.header("Location")).isEqualTo(DOCUMENTS + "/" + id + "/version/2");
        assertThat(second.json().get("version").asString()).isEqualTo("2");
        JsonNode document = partnerAdmin.get(DOCUMENTS + "/" + id).json();
        assertThat(document.get("version").asString()).isEqualTo("2");
        assertThat(document.get("expiryDate").asString()).isEqualTo("2028-01-31");
        assertThat(document.get("attachment").get(0).get("sha256").asString()).isEqualTo(sha256Hex(SampleFiles.PNG));
        JsonNode versions = partnerAdmin.get(DOCUMENTS + "/" + id + "/version").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("attachment").get("sha256").asString()).isEqualTo(sha256Hex(SampleFiles.PDF));
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version/1/content").body()).isEqualTo(SampleFiles.PDF);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version/2/content").body()).isEqualTo(SampleFiles.PNG);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/content").body()).isEqualTo(SampleFiles.PNG);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version/3/content").status()).isEqualTo(404);
    }

    @Test
    void concurrentNewVersionsGetGaplessNumbersAndALoserIsAConflictNeverAServerError() {
        String id = upload("Raced certificate", "CERTIFICATE", null);

        List<Integer> statuses = IntStream.range(0, 6).parallel()
                .mapToObj(i -> partnerAdmin.post(DOCUMENTS + "/" + id + "/version", new TestMultipart()
                        .file("file", "v.pdf", "application/pdf", SampleFiles.pdfOfSize(1000 + i))).status())
                .toList();

        assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
        long accepted = statuses.stream().filter(status -> status == 201).count();
        JsonNode versions = partnerAdmin.get(DOCUMENTS + "/" + id + "/version").json();
        assertThat(versions.size()).isEqualTo(1 + accepted);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i).get("version").asString()).isEqualTo(String.valueOf(i + 1));
        }
    }

    @Test
    void expiringWithinDaysListsOnlyDocumentsExpiringInThatWindowSoonestFirstWithPagingHeaders() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String in10 = upload("In ten days", "CERTIFICATE", today.plusDays(10));
        String today0 = upload("Today", "TAX_FORM", today);
        upload("In forty days", "CERTIFICATE", today.plusDays(40));
        upload("Expired", "CERTIFICATE", today.minusDays(1));
        upload("Never", "CONTRACT", null);
        String own = "&relatedParty.id=" + partnerId;

        DocumentClient.Response expiring = manager.get(DOCUMENTS + "?expiringWithinDays=30" + own);

        assertThat(expiring.status()).isEqualTo(200);
        assertThat(expiring.header("X-Total-Count")).isEqualTo("2");
        assertThat(expiring.header("X-Result-Count")).isEqualTo("2");
        assertThat(ids(expiring)).containsExactly(today0, in10);
        assertThat(ids(manager.get(DOCUMENTS + "?expiringWithinDays=30&documentType=CERTIFICATE" + own)))
                .containsExactly(in10);
        DocumentClient.Response page = partnerAdmin.get(DOCUMENTS + "?expiringWithinDays=30&offset=1&limit=1");
        assertThat(page.header("X-Total-Count")).isEqualTo("2");
        assertThat(ids(page)).containsExactly(in10);
        assertThat(partnerAdmin.get(DOCUMENTS + "?documentType=CERTIFICATE").header("X-Total-Count")).isEqualTo("3");
    }

    @Test
    void anotherPartnersDocumentIsNotFoundAndNeverListed() {
        String id = upload("Confidential contract", "CONTRACT", null);
        String otherPartner = createPartner(port, "Nosy Ltd");
        DocumentClient other = new DocumentClient(port, TestJwt.partner("nosy", otherPartner, Roles.PARTNER_ADMIN));

        for (String path : new String[]{"", "/content", "/version", "/version/1", "/version/1/content"}) {
            DocumentClient.Response response = other.get(DOCUMENTS + "/" + id + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.text()).doesNotContain("Confidential");
        }
        DocumentClient.Response version = other.post(DOCUMENTS + "/" + id + "/version",
                new TestMultipart().file("file", "x.pdf", "application/pdf", SampleFiles.PDF));
        assertThat(version.status()).isEqualTo(404);
        assertThat(other.get(DOCUMENTS).header("X-Total-Count")).isEqualTo("0");
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version").json().size()).isEqualTo(1);
    }

    @Test
    void partnerUsersAndEveryStaffRoleReadButOnlyAdminsAndPartnerStaffUpload() {
        String id = upload("Tax form", "TAX_FORM", null);
        DocumentClient partnerUser = new DocumentClient(port, TestJwt.partner("pu", partnerId, Roles.PARTNER_USER));
        DocumentClient auditor = new DocumentClient(port, TestJwt.staff("audrey", Roles.AUDITOR));
        DocumentClient finance = new DocumentClient(port, TestJwt.staff("fin", Roles.FINANCE));

        assertThat(partnerUser.get(DOCUMENTS + "/" + id + "/content").status()).isEqualTo(200);
        assertThat(auditor.get(DOCUMENTS + "/" + id + "/content").status()).isEqualTo(200);
        assertThat(finance.get(DOCUMENTS + "/" + id).status()).isEqualTo(200);
        assertThat(partnerUser.upload(form(SampleFiles.PDF, "x.pdf", "application/pdf", "OTHER", "x")).status())
                .isEqualTo(403);
        assertThat(auditor.upload(form(SampleFiles.PDF, "x.pdf", "application/pdf", "OTHER", "x")).status())
                .isEqualTo(403);
        assertThat(partnerUser.post(DOCUMENTS + "/" + id + "/version", new TestMultipart()
                .file("file", "x.pdf", "application/pdf", SampleFiles.PDF)).status()).isEqualTo(403);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version").json().size()).isEqualTo(1);
    }

    @Test
    void staffUploadForTheNamedPartnerAndEveryUploadIsAudited() {
        DocumentClient.Response created = manager.upload(form(SampleFiles.PDF, "c.pdf", "application/pdf", "CONTRACT",
                "Countersigned contract").field("partnerId", partnerId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        partnerAdmin.post(DOCUMENTS + "/" + id + "/version",
                new TestMultipart().file("file", "c2.pdf", "application/pdf", SampleFiles.pdfOfSize(1000)));

        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=document&resourceId=" + id);

        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id).status()).isEqualTo(200);
        assertThat(trail.header("X-Total-Count")).isEqualTo("2");
        JsonNode newVersion = trail.json().get(0);
        assertThat(newVersion.get("action").asString()).isEqualTo("version-added");
        assertThat(newVersion.get("actor").asString()).isEqualTo("pa");
        assertThat(newVersion.get("partnerId").asString()).isEqualTo(partnerId);
        assertThat(newVersion.get("before").get("version").asString()).isEqualTo("1");
        assertThat(newVersion.get("after").get("version").asString()).isEqualTo("2");
        JsonNode upload = trail.json().get(1);
        assertThat(upload.get("action").asString()).isEqualTo("uploaded");
        assertThat(upload.get("actor").asString()).isEqualTo("pm");
        assertThat(upload.get("after").get("attachment").get(0).get("sha256").asString()).hasSize(64);
    }

    @Test
    void theAuditTrailKeepsNoNameOrFileNameOfADocumentThatMayShowPersons() {
        DocumentClient.Response passport = partnerAdmin.upload(form(SampleFiles.PDF, "jane-doe-passport.pdf",
                "application/pdf", "IDENTITY", "Passport of Jane Doe"));
        assertThat(passport.status()).as(passport.toString()).isEqualTo(201);
        String id = passport.json().get("id").asString();
        assertThat(partnerAdmin.post(DOCUMENTS + "/" + id + "/version", new TestMultipart().file("file",
                "jane-doe-passport-renewed.pdf", "application/pdf", SampleFiles.PDF)).status()).isEqualTo(201);

        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=document&resourceId=" + id);

        assertThat(trail.header("X-Total-Count")).isEqualTo("2");
        assertThat(trail.body()).doesNotContain("Jane Doe", "jane-doe");
        JsonNode newVersion = trail.json().get(0);
        assertThat(newVersion.get("action").asString()).isEqualTo("version-added");
        assertThat(newVersion.get("after").get("name").asString()).isEqualTo("(personal data, not audited)");
        assertThat(newVersion.get("after").get("attachment").get("name").asString())
                .isEqualTo("(personal data, not audited)");
        assertThat(newVersion.get("after").get("version").asString()).isEqualTo("2");
        assertThat(newVersion.get("after").get("personalDataChanged").toString()).contains("attachment.name")
                .doesNotContain("\"name\"");
        JsonNode upload = trail.json().get(1);
        assertThat(upload.get("after").get("documentType").asString()).isEqualTo("IDENTITY");
        assertThat(upload.get("after").get("attachment").get("sha256").asString()).hasSize(64);
    }

    @Test
    void aTerminatedPartnersUsersCanNoLongerAddDocumentsStaffStillFileThem() {
        String id = upload("Certificate before the end", "CERTIFICATE", null);
        TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER))
                .post("/api/onboarding/partners/" + partnerId + "/termination", "{\"reason\":\"contract ended\"}");

        DocumentClient.Response upload = partnerAdmin.upload(form(SampleFiles.PDF, "late.pdf", "application/pdf",
                "OTHER", "After the end"));
        DocumentClient.Response version = partnerAdmin.post(DOCUMENTS + "/" + id + "/version", new TestMultipart()
                .file("file", "v2.pdf", "application/pdf", SampleFiles.PDF));

        assertThat(upload.status()).as(upload.toString()).isEqualTo(409);
        assertThat(upload.json().get("detail").asString()).contains("TERMINATED");
        assertThat(version.status()).as(version.toString()).isEqualTo(409);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id).json().get("version").asString()).isEqualTo("1");
        assertThat(partnerAdmin.get(DOCUMENTS).json().toString()).doesNotContain("After the end");
        assertThat(manager.upload(form(SampleFiles.PDF, "letter.pdf", "application/pdf", "OTHER",
                "Termination letter").field("partnerId", partnerId)).status()).isEqualTo(201);
    }

    private String upload(String name, String type, LocalDate expiry) {
        TestMultipart form = form(SampleFiles.PDF, "f.pdf", "application/pdf", type, name);
        if (expiry != null) {
            form.field("expiryDate", expiry.toString());
        }
        DocumentClient.Response created = partnerAdmin.upload(form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static TestMultipart form(byte[] content, String fileName, String contentType, String type, String name) {
        return new TestMultipart().file("file", fileName, contentType, content).field("documentType", type)
                .field("name", name);
    }

    static String createPartner(int port, String legalName) {
        return TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER))
                .post("/api/onboarding/partners", """
                        {"legalName": "%s", "partnerType": "OTT_CONTENT", "businessModel": "SELL_THROUGH",
                         "country": "DE", "settlementCurrency": "EUR"}
                        """.formatted(legalName)).json().get("id").asString();
    }

    static String sha256Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static java.util.List<String> ids(DocumentClient.Response list) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        list.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
