package io.accord.onboarding.document;

/** The bytes of one version and what a client needs to save and verify them. */
record Download(String fileName, String mimeType, String sha256, byte[] content) {

    /** The document's name, with the extension of the detected type unless it already ends with one. */
    static String fileName(Document document, DocumentVersion version) {
        FileSignature type = FileSignature.ofMimeType(version.mimeType());
        String name = document.name();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean hasExtension = lower.endsWith("." + type.extension())
                || (type == FileSignature.JPEG && lower.endsWith(".jpeg"));
        return hasExtension ? name : name + "." + type.extension();
    }
}
