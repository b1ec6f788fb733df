package io.accord.onboarding.document;

import io.accord.platform.upload.FileSignature;
import io.accord.platform.upload.InspectedContent;
import io.accord.platform.problem.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Content rules: judged by the bytes, bounded in size, fingerprinted with SHA-256. */
class InspectedContentTests {

    private static final DataSize LIMIT = DataSize.ofKilobytes(64);

    /** The published signatures, written out here independently of the implementation. */
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "image/png", HexFormat.of().parseHex("89504e470d0a1a0a"),
            "image/jpeg", HexFormat.of().parseHex("ffd8ff"));

    @Test
    void acceptsPdfPngAndJpegByTheirSignature() {
        assertThat(InspectedContent.inspect(SampleFiles.PDF, LIMIT).type().mimeType()).isEqualTo("application/pdf");
        assertThat(InspectedContent.inspect(SampleFiles.PNG, LIMIT).type().mimeType()).isEqualTo("image/png");
        assertThat(InspectedContent.inspect(SampleFiles.JPEG, LIMIT).type().mimeType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesAnExecutableAndSaysWhatItIs() {
        assertThatThrownBy(() -> InspectedContent.inspect(SampleFiles.EXE, LIMIT))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("file");
                    assertThat(refused.getMessage()).contains("Windows/DOS executable (MZ header)")
                            .contains("only PDF, PNG and JPEG");
                });
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> InspectedContent.inspect(new byte[0], LIMIT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.field()).isEqualTo("file"));
    }

    @Test
    void acceptsExactlyTheLimitAndRefusesOneByteMoreAsTooLarge() {
        int limit = (int) LIMIT.toBytes();

        assertThat(InspectedContent.inspect(SampleFiles.pdfOfSize(limit), LIMIT).size()).isEqualTo(limit);
        assertThatThrownBy(() -> InspectedContent.inspect(SampleFiles.pdfOfSize(limit + 1), LIMIT))
                .isInstanceOf(MaxUploadSizeExceededException.class);
    }

    @Test
    void describesUnknownContentByItsFirstBytes() {
        assertThat(FileSignature.describe(new byte[]{1, 2, 3})).isEqualTo("of an unrecognised type (first bytes 01 02 03)");
    }

    @Property
    void contentIsAcceptedExactlyWhenItStartsWithAPdfPngOrJpegSignature(@ForAll("candidates") byte[] content) {
        String expected = SIGNATURES.entrySet().stream()
                .filter(signature -> startsWith(content, signature.getValue()))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);

        if (expected != null) {
            assertThat(InspectedContent.inspect(content, LIMIT).type().mimeType()).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> InspectedContent.inspect(content, LIMIT))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refused -> assertThat(refused.field()).isEqualTo("file"));
        }
    }

    @Property
    void theRecordedChecksumIsTheSha256OfTheBytesInHexAndInTheDigestHeader(@ForAll byte[] tail) throws Exception {
        byte[] content = concat(SampleFiles.PDF, tail);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(content);

        String sha256 = InspectedContent.inspect(content, LIMIT).sha256();

        assertThat(HexFormat.of().parseHex(sha256)).isEqualTo(expected);
        assertThat(sha256).matches("[0-9a-f]{64}");
        assertThat(InspectedContent.digestHeader(sha256))
                .isEqualTo("sha-256=" + Base64.getEncoder().encodeToString(expected));
    }

    /** Random bytes, real signatures with any tail, and signatures with one byte wrong. */
    @Provide
    Arbitrary<byte[]> candidates() {
        Arbitrary<byte[]> tails = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> signatures = Arbitraries.of(List.copyOf(SIGNATURES.values()));
        Arbitrary<byte[]> genuine = Combinators.combine(signatures, tails).as(InspectedContentTests::concat);
        Arbitrary<byte[]> nearMisses = Combinators.combine(genuine, Arbitraries.integers().between(0, 7),
                Arbitraries.bytes().filter(b -> b != 0)).as((content, position, flip) -> {
                    byte[] copy = content.clone();
                    int at = position % Math.min(copy.length, 3);
                    copy[at] = (byte) (copy[at] ^ flip);
                    return copy;
                });
        return Arbitraries.oneOf(tails.filter(bytes -> bytes.length > 0), genuine, nearMisses);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
