package io.accord.orchestration.activation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How secrets are kept and requests signed: units on their own (which URLs are allowed: OutboundTargetsTests). */
class WebhookSecurityTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void secretsAreEncryptedWithAFreshNonceAndDecryptBack() {
        SecretCipher cipher = new SecretCipher(properties(KEY));
        String secret = cipher.newSecret();

        byte[] once = cipher.encrypt(secret);
        byte[] twice = cipher.encrypt(secret);

        assertThat(once).isNotEqualTo(twice);
        assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(cipher.decrypt(once)).isEqualTo(secret);
        assertThat(cipher.decrypt(twice)).isEqualTo(secret);
    }

    @Test
    void aSecretEncryptedUnderAnotherKeyOrTamperedWithIsRefused() {
        byte[] sealed = new SecretCipher(properties(KEY)).encrypt("whsec_abc");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        SecretCipher other = new SecretCipher(properties(Base64.getEncoder().encodeToString(otherKey)));

        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> new SecretCipher(properties(KEY)).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongSizeStopsTheService() {
        assertThatThrownBy(() -> new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // what a partner computes with: printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookClient.sign("whsec_test", "1700000000", "{}"))
                .isEqualTo("35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91");
    }

    private static ActivationProperties properties(String key) {
        return new ActivationProperties(key, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1),
                "http://localhost:8080");
    }
}
