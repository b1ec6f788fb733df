package io.accord.onboarding.document;

import io.accord.platform.upload.InspectedContent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

/**
 * Downloads: the stored bytes with their recorded checksum ({@code Digest: sha-256=<base64>}, RFC 3230, and
 * {@code X-Checksum-SHA256: <hex>}) so the client can verify what it received.
 */
@RestController
@RequestMapping(DocumentController.PATH)
@Tag(name = "Documents (TMF667)")
class DocumentContentController {

    private final DocumentService service;

    DocumentContentController(DocumentService service) {
        this.service = service;
    }

    @GetMapping("/{id}/content")
    @PreAuthorize(DocumentAuthorization.READERS)
    @Operation(operationId = "downloadDocument", summary = "Download the latest version's bytes")
    @DownloadResponse
    void latest(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        write(service.download(id, null), response);
    }

    @GetMapping("/{id}/version/{version}/content")
    @PreAuthorize(DocumentAuthorization.READERS)
    @Operation(operationId = "downloadDocumentVersion", summary = "Download one version's bytes")
    @DownloadResponse
    void version(@PathVariable UUID id, @PathVariable int version, HttpServletResponse response) throws IOException {
        write(service.download(id, version), response);
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The stored bytes", content = {
            @Content(mediaType = "application/pdf"), @Content(mediaType = "image/png"),
            @Content(mediaType = "image/jpeg")}, headers = {
            @Header(name = "Digest", description = "sha-256=<base64 of the recorded SHA-256> (RFC 3230)"),
            @Header(name = "X-Checksum-SHA256", description = "the recorded SHA-256, hex")})
    @interface DownloadResponse {
    }

    // written straight to the response: no message converter or body advice (fields=) may reinterpret the bytes
    private static void write(Download download, HttpServletResponse response) throws IOException {
        response.setContentType(download.mimeType());
        response.setContentLengthLong(download.content().length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition());
        response.setHeader("Digest", InspectedContent.digestHeader(download.sha256()));
        response.setHeader("X-Checksum-SHA256", download.sha256());
        response.getOutputStream().write(download.content());
    }
}
