package io.accord.platform.hub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HubSignatureTests {

    private static final byte[] BODY = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        // printf '%s' '1700000000.{"eventId":"e1"}' | openssl dgst -sha256 -hmac 'test-secret'
        assertThat(HubSignature.sign("test-secret", "1700000000", BODY))
                .isEqualTo("sha256=fd97c43c0e745f8fa8c4648eb681829f1ddd0a6e5b37eb25c68d5148679373d5");
    }

    @Test
    void verifiesOnlyTheExactBodyTimestampAndSecret() {
        String header = HubSignature.sign("test-secret", "1700000000", BODY);

        assertThat(HubSignature.verify("test-secret", "1700000000", BODY, header)).isTrue();
        assertThat(HubSignature.verify("test-secret", "1700000001", BODY, header)).isFalse();
        assertThat(HubSignature.verify("other-secret", "1700000000", BODY, header)).isFalse();
        assertThat(HubSignature.verify("test-secret", "1700000000",
                "{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(HubSignature.verify("test-secret", "1700000000", BODY, null)).isFalse();
        assertThat(HubSignature.verify("test-secret", null, BODY, header)).isFalse();
    }

    @Test
    void secretsAreLongRandomAndUrlSafe() {
        String one = HubSignature.newSecret();

        assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(HubSignature.newSecret()).isNotEqualTo(one);
    }
}
