package io.accord.dispute.dispute;

import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence: type checked by content, size limited, SHA-256 recorded, versioned, readable by both sides. */
@AccordServiceTest
class EvidenceTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;

    EvidenceTests(SettlementFixtures settlement) {
        this.settlement = settlement;
    }

    @Test
    void anUploadIsRecordedWithItsHashAndANewVersionKeepsTheAttachment() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        TestHttp.Response first = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("name", "CDR extract").file("file", "cdrs.pdf", "application/pdf", PDF));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode attachment = first.json().path("attachment").get(0);
        // the attachment's own URL, not the ticket's
        assertThat(first.header("Location")).endsWith(attachment.path("href").asString())
                .endsWith("/attachments/" + attachment.path("id").asString() + "/content");
        assertThat(attachment.path("name").asString()).isEqualTo("CDR extract");
        assertThat(attachment.path("mimeType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.path("sha256").asString()).isEqualTo(DigestUtils.sha256Hex(PDF));
        assertThat(attachment.path("version").asInt()).isEqualTo(1);

        String attachmentId = attachment.path("id").asString();
        TestHttp.Response second = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("attachmentId", attachmentId)
                        .file("file", "scan.png", "application/pdf", PNG));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Location")).endsWith(attachment.path("href").asString());
        assertThat(second.json().path("attachment")).hasSize(1);
        assertThat(second.json().path("attachment").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(second.json().path("attachment").get(0).path("mimeType").asString()).isEqualTo("image/png");

        TestHttp.Response v1 = as.partner.get(Disputing.API + "/" + id + "/attachments/" + attachmentId
                + "/content?version=1");
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.header("X-Checksum-SHA256")).isEqualTo(DigestUtils.sha256Hex(PDF));
        assertThat(v1.body()).startsWith("%PDF-1.4");
        assertThat(v1.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"cdrs.pdf\"; filename*=UTF-8''cdrs.pdf");
    }

    @Test
    void onlyTheUploadersSideVersionsAnAttachmentAndEveryVersionIsListed() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String staffEvidence = as.finance.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("name", "Our CDRs").file("file", "ours.pdf", "application/pdf", PDF))
                .json().path("attachment").get(0).path("id").asString();

        // the partner cannot displace our evidence with a version of its own, nor we its
        TestHttp.Response refused = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("attachmentId", staffEvidence).file("file", "theirs.png", "image/png", PNG));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("only its uploader's side");
        String partnerEvidence = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("name", "Their CDRs").file("file", "theirs.pdf", "application/pdf", PDF))
                .json().path("attachment").get(1).path("id").asString();
        assertThat(as.finance.postMultipart(Disputing.API + "/" + id + "/attachments", new TestMultipart()
                .field("attachmentId", partnerEvidence).file("file", "x.png", "image/png", PNG)).status())
                .isEqualTo(409);

        TestHttp.Response second = as.finance.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().field("attachmentId", staffEvidence).file("file", "ours-2.png", "image/png", PNG));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode ours = as.partner.get(Disputing.TICKETS + "/" + id).json().path("attachment").get(0);
        assertThat(ours.path("version").asInt()).isEqualTo(2);
        assertThat(ours.path("sha256").asString()).isEqualTo(DigestUtils.sha256Hex(PNG));

        String versions = Disputing.API + "/" + id + "/attachments/" + staffEvidence + "/versions";
        JsonNode listed = as.partner.get(versions).json();
        assertThat(listed.valueStream().map(version -> version.path("version").asInt()).toList())
                .containsExactly(1, 2);
        assertThat(listed.get(0).path("sha256").asString()).isEqualTo(DigestUtils.sha256Hex(PDF));
        assertThat(listed.get(0).path("fileName").asString()).isEqualTo("ours.pdf");
        assertThat(listed.get(1).path("mimeType").asString()).isEqualTo("image/png");
        assertThat(listed.get(0).path("uploadedBy").asString()).isEqualTo(ActorNames.STAFF);
        assertThat(listed.get(0).path("uploaderSide").asString()).isEqualTo("STAFF");
        assertThat(listed.get(0).path("href").asString()).endsWith("/content?version=1");
        assertThat(as.partner.get(listed.get(0).path("href").asString()).header("X-Checksum-SHA256"))
                .isEqualTo(DigestUtils.sha256Hex(PDF));
        assertThat(as.finance.get(versions).json().get(0).path("uploadedBy").asString()).isEqualTo("fin");
        assertThat(as.partner.get(Disputing.API + "/" + id + "/attachments/" + UUID.randomUUID() + "/versions")
                .status()).isEqualTo(404);
        assertThat(as.partner.get(Disputing.API + "/" + id + "/attachments/not-a-uuid/versions").status())
                .isEqualTo(404);
    }

    @Test
    void aDownloadIsSavedUnderItsUploadedNameWithTheExtensionOfItsType() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        // no extension, non-ASCII, a quote: the PNG's name gets .png, an ASCII fallback and the exact UTF-8 name
        String png = upload(as, id, new TestMultipart().file("file", "Prüfbericht \"März\"", "image/png", PNG));
        assertThat(as.partner.get(png).header("Content-Disposition")).isEqualTo("attachment; "
                + "filename=\"Pr_fbericht _M_rz_.png\"; filename*=UTF-8''Pr%C3%BCfbericht%20%22M%C3%A4rz%22.png");
        // no file name at all: the attachment's name
        String unnamed = upload(as, id, new TestMultipart().field("name", "CDR extract").file("file", "",
                "application/pdf", PDF));
        assertThat(as.finance.get(unnamed).header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"CDR extract.pdf\"; filename*=UTF-8''CDR%20extract.pdf");
    }

    private static String upload(Disputing as, String id, TestMultipart form) {
        TestHttp.Response uploaded = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments", form);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return URI.create(uploaded.header("Location")).getPath();
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedAndNothingIsStored() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        TestHttp.Response refused = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().file("file", "invoice.pdf", "application/pdf", exe));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("executable");
        TestHttp.Response tooBig = as.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().file("file", "big.pdf", "application/pdf", new byte[2 * 1024 * 1024]));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("attachment")).isEmpty();
        Disputing other = new Disputing(port);
        assertThat(other.partner.postMultipart(Disputing.API + "/" + id + "/attachments",
                new TestMultipart().file("file", "x.pdf", "application/pdf", PDF)).status()).isEqualTo(404);
    }
}
