package io.accord.platform.upload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Client file names are informational: kept only as a clean, bounded last path segment. Served back, a stored file
 * is saved under its name with the extension of its detected type ({@link #withExtension}) and an RFC 6266
 * {@code Content-Disposition} ({@link #attachment}).
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The name without any client path or control characters, at most 255 characters; null when nothing is left. */
    public static String clean(String fileName) {
        if (fileName == null) {
            return null;
        }
        // some browsers send the full client path (C:\Users\...\contract.pdf)
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String clean = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        int start = clean.length() - MAX_LENGTH;
        // keep the end (the extension) and never start inside a surrogate pair
        return clean.substring(Character.isLowSurrogate(clean.charAt(start)) ? start + 1 : start);
    }

    /** The name with the extension of its detected type, unless it ends with it already ({@code .jpeg}: JPEG's). */
    public static String withExtension(String name, String mimeType) {
        FileSignature type = FileSignature.ofMimeType(mimeType);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean typed = lower.endsWith("." + type.extension())
                || (type == FileSignature.JPEG && lower.endsWith(".jpeg"));
        return typed ? name : name + "." + type.extension();
    }

    /**
     * The {@code Content-Disposition} value that saves a download under {@code fileName} (RFC 6266): an ASCII
     * {@code filename} for old clients (anything else, quotes and backslashes as {@code _}) and the exact name as
     * UTF-8 in {@code filename*} (RFC 8187). Header values travel as Latin-1, so a raw non-ASCII name would arrive
     * garbled (Spring's {@code ContentDisposition} puts it raw into {@code filename}).
     */
    public static String attachment(String fileName) {
        String ascii = fileName.codePoints().map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        // form encoding differs from RFC 8187's in two places: space and '*'
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
