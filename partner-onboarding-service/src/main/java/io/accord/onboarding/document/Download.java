package io.accord.onboarding.document;

import io.accord.platform.upload.FileSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The bytes of one version and what a client needs to save and verify them. */
record Download(String fileName, String mimeType, String sha256, byte[] content) {

    /** The document's name, with the extension of the detected type unless it already ends with one. */
    static String fileName(Document document, DocumentVersion version) {
        FileSignature type = FileSignature.ofMimeType(version.mimeType());
        String name = document.name();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean hasExtension = lower.endsWith("." + type.extension())
                || (type == FileSignature.JPEG && lower.endsWith(".jpeg"));
        return hasExtension ? name : name + "." + type.extension();
    }

    /**
     * RFC 6266: an ASCII {@code filename} for old clients and the exact name as UTF-8 in {@code filename*}.
     * Header values travel as Latin-1, so a raw non-ASCII name would arrive garbled.
     */
    String contentDisposition() {
        String ascii = fileName.codePoints()
                .map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        // form encoding differs from RFC 5987 in two places: space and '*'
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
