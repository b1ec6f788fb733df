package io.accord.onboarding.document;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/**
 * The multipart forms of the document API. Values that need parsing (type, date, partner id) arrive as text and
 * are parsed by the service, so a wrong one is a 400 that names the field and says what is allowed.
 */
final class DocumentForms {

    private DocumentForms() {
    }

    /**
     * @param file         the content; its type is judged by its bytes
     * @param documentType CONTRACT, CERTIFICATE, TAX_FORM, IDENTITY, BANK_PROOF or OTHER
     * @param expiryDate   optional, YYYY-MM-DD
     * @param partnerId    the owning partner: required from staff; a partner uploads for itself only
     */
    @Schema(name = "DocumentUpload")
    record Upload(@NotNull(message = "a file part is required") MultipartFile file,
                  @NotBlank String documentType,
                  @NotBlank @Size(max = Document.MAX_NAME_LENGTH) String name,
                  String expiryDate,
                  String partnerId) {
    }

    /** @param expiryDate optional, YYYY-MM-DD: replaces the document's expiry date (a renewal) */
    @Schema(name = "DocumentNewVersion")
    record NewVersion(@NotNull(message = "a file part is required") MultipartFile file, String expiryDate) {
    }
}
