package io.accord.platform.upload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

    @Test
    void aDownloadCarriesItsDetectedTypesExtensionOnce() {
        assertThat(FileNames.withExtension("CDR extract", "application/pdf")).isEqualTo("CDR extract.pdf");
        assertThat(FileNames.withExtension("scan.PDF", "application/pdf")).isEqualTo("scan.PDF");
        assertThat(FileNames.withExtension("scan.png", "application/pdf")).isEqualTo("scan.png.pdf");
        assertThat(FileNames.withExtension("photo.jpeg", "image/jpeg")).isEqualTo("photo.jpeg");
        assertThat(FileNames.withExtension("photo", "image/jpeg")).isEqualTo("photo.jpg");
    }

    @Test
    void theContentDispositionHasAnAsciiFallbackAndTheExactUtf8Name() {
        assertThat(FileNames.attachment("Vertrag \"Müller\" *1*.pdf")).isEqualTo(
                "attachment; filename=\"Vertrag _M_ller_ *1*.pdf\"; "
                        + "filename*=UTF-8''Vertrag%20%22M%C3%BCller%22%20%2A1%2A.pdf");
        assertThat(FileNames.attachment("a\\b\u0001.pdf")).isEqualTo(
                "attachment; filename=\"a_b_.pdf\"; filename*=UTF-8''a%5Cb%01.pdf");
    }
}
