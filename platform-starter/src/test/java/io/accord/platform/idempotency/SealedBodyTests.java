package io.accord.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How stored answers are packed: compressed, then encrypted, and still readable when stored before compression. */
class SealedBodyTests {

    private static final String SCOPE = "sub:alice";
    private static final IdempotencyKey KEY = new IdempotencyKey(UUID.randomUUID().toString());

    /** The limit before answers were compressed, which a 5,000-record batch's answer (1.19 MB) exceeded. */
    private static final DataSize FORMER_LIMIT = DataSize.ofMegabytes(1);

    @Test
    void theAnswerToAFullUsageBatchTakesAFractionOfTheDefaultLimitOnceCompressed() {
        // a mediation feed numbers its records
        byte[] answer = usageBatchAnswer(10_000, i -> "CDR-20261207-" + String.format("%08d", 4_711_000 + i));

        byte[] sealed = SealedBody.seal(SCOPE, KEY, answer);

        // uncompressed it is several times what used to be kept: a retry of such a batch used to run again
        assertThat((long) answer.length).isGreaterThan(3 * FORMER_LIMIT.toBytes());
        assertThat((long) sealed.length).isLessThan(FORMER_LIMIT.toBytes() / 2).isLessThan(defaultLimit() / 8);
        assertThat(SealedBody.open(SCOPE, KEY, sealed)).isEqualTo(answer);
    }

    /** Ids as long as rating takes (200 characters) and random: nothing in them compresses. */
    @Test
    void theAnswerToAFullUsageBatchOfTheLongestRandomIdsFitsTheDefaultLimit() {
        SecureRandom random = new SecureRandom();
        byte[] sealed = SealedBody.seal(SCOPE, KEY, usageBatchAnswer(10_000, i -> randomId(random, 200)));

        assertThat((long) sealed.length).isLessThan(defaultLimit());
    }

    /** {@code max-stored-body-size} as a service gets it when it sets nothing. */
    private static long defaultLimit() {
        return new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("accord.platform.idempotency", IdempotencyProperties.class)
                .maxStoredBodySize().toBytes();
    }

    @Test
    void anAnswerSealedBeforeCompressionIsStillOpened() throws Exception {
        byte[] answer = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(SealedBody.open(SCOPE, KEY, sealedUncompressed(answer))).isEqualTo(answer);
    }

    @Test
    void anAlteredAnswerIsRefused() {
        byte[] sealed = SealedBody.seal(SCOPE, KEY, "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> SealedBody.open(SCOPE, KEY, sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered");
    }

    /**
     * What {@code POST /tmf-api/usageManagement/v4/usage/batch} answers for records that are all duplicates of
     * earlier copies in the same batch: its largest result per record (ids, href, the sender's ids, a detail).
     */
    private static byte[] usageBatchAnswer(int records, IntFunction<String> usageIds) {
        StringBuilder json = new StringBuilder("{\"total\":").append(records)
                .append(",\"rated\":0,\"suspended\":0,\"duplicate\":").append(records)
                .append(",\"invalid\":0,\"results\":[");
        for (int i = 0; i < records; i++) {
            String id = UUID.randomUUID().toString();
            String usageId = usageIds.apply(i);
            json.append(i == 0 ? "" : ",").append("{\"index\":").append(i)
                    .append(",\"outcome\":\"DUPLICATE\",\"id\":\"").append(id)
                    .append("\",\"href\":\"/tmf-api/usageManagement/v4/usage/").append(id)
                    .append("\",\"source\":\"partner-7f3a-cdr-feed\",\"usageId\":\"").append(usageId)
                    .append("\",\"detail\":\"usage ").append(usageId).append(" from partner-7f3a-cdr-feed was ")
                    .append("submitted before; the first copy, which is taken, is record ").append(i / 2)
                    .append("\",\"originalOutcome\":\"RATED\",\"originalIndex\":").append(i / 2).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String randomId(SecureRandom random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** The form rows were stored in before answers were compressed: AES-GCM of the plain body, no associated data. */
    private static byte[] sealedUncompressed(byte[] body) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] secret = Sha256.fields().add("accord idempotent answer").add(SCOPE).add(KEY.value()).bytes();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(body);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }
}
