package io.accord.platform.upload;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a file is, judged by its first bytes (its "magic number") and never by its name or the Content-Type the
 * client declared: a renamed executable stays an executable.
 */
public enum FileSignature {

    PDF("application/pdf", "pdf", "a PDF document", bytes("%PDF-")),
    PNG("image/png", "png", "a PNG image", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "jpg", "a JPEG image", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** Signatures we refuse but can name, so the caller learns what they actually sent. */
    private static final List<Known> REFUSED = List.of(
            new Known("a Windows/DOS executable (MZ header)", bytes("MZ")),
            new Known("an ELF executable", new byte[]{0x7F, 'E', 'L', 'F'}),
            new Known("a Mach-O executable", new byte[]{(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}),
            new Known("a Java class file", new byte[]{(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}),
            new Known("a ZIP archive (or an Office document)", new byte[]{'P', 'K', 3, 4}),
            new Known("a GIF image", bytes("GIF8")),
            new Known("a gzip archive", new byte[]{0x1F, (byte) 0x8B}),
            new Known("a RAR archive", bytes("Rar!")),
            new Known("a 7-Zip archive", new byte[]{'7', 'z', (byte) 0xBC, (byte) 0xAF}),
            new Known("a script (#!)", bytes("#!")),
            new Known("an HTML or XML document", bytes("<")));

    private final String mimeType;
    private final String extension;
    private final String description;
    private final byte[] magic;

    FileSignature(String mimeType, String extension, String description, byte[] magic) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.description = description;
        this.magic = magic;
    }

    /** The accepted type whose signature {@code content} starts with, if any. */
    public static Optional<FileSignature> of(byte[] content) {
        for (FileSignature signature : values()) {
            if (startsWith(content, signature.magic)) {
                return Optional.of(signature);
            }
        }
        return Optional.empty();
    }

    /** A readable name of what {@code content} is, for the refusal message. */
    public static String describe(byte[] content) {
        Optional<FileSignature> accepted = of(content);
        if (accepted.isPresent()) {
            return accepted.get().description;
        }
        return REFUSED.stream().filter(known -> startsWith(content, known.magic())).map(Known::description)
                .findFirst()
                .orElseGet(() -> "of an unrecognised type (first bytes "
                        + HexFormat.ofDelimiter(" ").withUpperCase()
                        .formatHex(content, 0, Math.min(8, content.length)) + ")");
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public static FileSignature ofMimeType(String mimeType) {
        for (FileSignature signature : values()) {
            if (signature.mimeType.equals(mimeType)) {
                return signature;
            }
        }
        throw new IllegalArgumentException("not an accepted mime type: " + mimeType);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private record Known(String description, byte[] magic) {
    }
}
