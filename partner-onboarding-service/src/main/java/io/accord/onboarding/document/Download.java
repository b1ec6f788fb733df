package io.accord.onboarding.document;

import io.accord.platform.upload.FileNames;

/** The bytes of one version and what a client needs to save and verify them. */
record Download(String fileName, String mimeType, String sha256, byte[] content) {

    /** The document's name, with the extension of the detected type unless it already ends with one. */
    static String fileName(Document document, DocumentVersion version) {
        return FileNames.withExtension(document.name(), version.mimeType());
    }

    /** RFC 6266: saved under {@link #fileName}, whatever its characters ({@link FileNames#attachment}). */
    String contentDisposition() {
        return FileNames.attachment(fileName);
    }
}
