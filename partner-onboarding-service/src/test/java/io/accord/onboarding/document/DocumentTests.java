package io.accord.onboarding.document;

import io.accord.platform.upload.FileNames;
import io.accord.platform.upload.InspectedContent;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentTests {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final DataSize LIMIT = DataSize.ofMegabytes(1);

    @Test
    void aNewVersionKeepsEveryEarlierVersionAndMayRenewTheExpiryDate() {
        Document document = upload(DocumentOwner.partner(PartnerId.newId()), LocalDate.of(2025, 6, 30));

        document.addVersion(InspectedContent.inspect(SampleFiles.PNG, LIMIT), "scan.png", null, "pa", NOW);
        document.addVersion(InspectedContent.inspect(SampleFiles.JPEG, LIMIT), "scan.jpg", LocalDate.of(2026, 6, 30),
                "pa", NOW.plusSeconds(60));

        assertThat(document.versions()).extracting(DocumentVersion::versionNumber).containsExactly(1, 2, 3);
        assertThat(document.versions()).extracting(DocumentVersion::mimeType)
                .containsExactly("application/pdf", "image/png", "image/jpeg");
        assertThat(document.latest().versionNumber()).isEqualTo(3);
        assertThat(document.version(1).orElseThrow().fileName()).isEqualTo("contract.pdf");
        assertThat(document.expiryDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(document.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(document.createdAt()).isEqualTo(NOW);
    }

    @Test
    void anApplicationsDocumentTransfersToItsPartnerOnce() {
        PartnerId partner = PartnerId.newId();
        Document document = upload(DocumentOwner.application(UUID.randomUUID()), null);

        document.transferTo(partner, NOW);

        assertThat(document.owner()).isEqualTo(DocumentOwner.partner(partner));
        assertThatThrownBy(() -> document.transferTo(PartnerId.newId(), NOW)).isInstanceOf(ConflictException.class);
        assertThat(document.owner()).isEqualTo(DocumentOwner.partner(partner));
    }

    @Test
    void aNameMustBePresentPrintableAndAtMost200Characters() {
        assertThat(Document.checkedName("  Master agreement  ")).isEqualTo("Master agreement");
        assertThatThrownBy(() -> Document.checkedName(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Document.checkedName("a\u0000b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Document.checkedName("x".repeat(201))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDownloadNameCarriesTheDetectedTypesExtensionOnce() {
        Document contract = upload(DocumentOwner.partner(PartnerId.newId()), null);
        contract.addVersion(InspectedContent.inspect(SampleFiles.JPEG, LIMIT), null, null, "pa", NOW);

        assertThat(Download.fileName(contract, contract.version(1).orElseThrow())).isEqualTo("Master agreement.pdf");
        assertThat(Download.fileName(contract, contract.latest())).isEqualTo("Master agreement.jpg");
    }

    @Test
    void theContentDispositionHasAnAsciiFallbackAndTheExactUtf8Name() {
        Download download = new Download("Vertrag \"Müller\" *1*.pdf", "application/pdf", "00", new byte[0]);

        assertThat(download.contentDisposition()).isEqualTo("attachment; filename=\"Vertrag _M_ller_ *1*.pdf\"; "
                + "filename*=UTF-8''Vertrag%20%22M%C3%BCller%22%20%2A1%2A.pdf");
    }

    @Test
    void clientFileNamesLoseTheirPathAndControlCharacters() {
        assertThat(FileNames.clean("C:\\Users\\me\\contract.pdf")).isEqualTo("contract.pdf");
        assertThat(FileNames.clean("../../etc/passwd\u0000.pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.clean("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
        assertThat(FileNames.clean("/")).isNull();
    }

    private static Document upload(DocumentOwner owner, LocalDate expiry) {
        return Document.upload(owner, DocumentType.CONTRACT, "Master agreement", expiry,
                InspectedContent.inspect(SampleFiles.PDF, LIMIT), "contract.pdf", "pa", NOW);
    }
}
