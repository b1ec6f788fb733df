package io.accord.platform.upload;

import io.accord.platform.problem.InvalidInputException;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.Base64;
import java.util.HexFormat;

/**
 * Uploaded bytes that passed every content rule: not empty, within the size limit, a PDF, PNG or JPEG by their
 * signature. Carries what we record about them (detected type, size, SHA-256), computed once, here.
 */
public record InspectedContent(byte[] bytes, FileSignature type, String sha256) {

    /** The multipart part (and violation field) the content arrives in. */
    public static final String FIELD = "file";

    /**
     * @throws InvalidInputException          empty content, or content that is not a PDF, PNG or JPEG (400)
     * @throws MaxUploadSizeExceededException content over {@code maxSize} (413)
     */
    public static InspectedContent inspect(byte[] bytes, DataSize maxSize) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FIELD, "The file is empty.");
        }
        if (bytes.length > maxSize.toBytes()) {
            throw new MaxUploadSizeExceededException(maxSize.toBytes());
        }
        FileSignature type = FileSignature.of(bytes).orElseThrow(() -> new InvalidInputException(FIELD,
                "The file content is " + FileSignature.describe(bytes) + "; only PDF, PNG and JPEG are accepted"
                        + " (the type is checked by content, not by file name or declared Content-Type)."));
        return new InspectedContent(bytes, type, DigestUtils.sha256Hex(bytes));
    }

    public long size() {
        return bytes.length;
    }

    /** The RFC 3230 {@code Digest} value of a recorded hex SHA-256: {@code sha-256=<base64>}. */
    public static String digestHeader(String sha256Hex) {
        return "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
    }
}
