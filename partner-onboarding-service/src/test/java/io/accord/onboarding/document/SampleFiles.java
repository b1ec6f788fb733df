package io.accord.onboarding.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Small real files of each accepted type, and impostors. */
final class SampleFiles {

    static final byte[] PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    /** A 1x1 transparent PNG. */
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

    /** The start of a JFIF JPEG. */
    static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9");

    /** The start of a Windows executable: "MZ", then the DOS stub. */
    static final byte[] EXE = concat(HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b8000000"),
            "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII));

    private SampleFiles() {
    }

    /** A PDF of exactly {@code size} bytes. */
    static byte[] pdfOfSize(int size) {
        byte[] content = Arrays.copyOf(PDF, size);
        Arrays.fill(content, PDF.length, size, (byte) ' ');
        return content;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
