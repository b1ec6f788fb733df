package io.accord.platform.hub;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTests {

    private final DeliveryPolicy policy = new DeliveryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 4, 6);

    @Test
    void theWaitDoublesWithEachConsecutiveFailureUpToTheMaximum() {
        assertThat(policy.afterFailure(1, 1).retryIn()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.afterFailure(2, 2).retryIn()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.afterFailure(3, 3).retryIn()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.afterFailure(4, 4).retryIn()).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.afterFailure(1, 5).retryIn()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.afterFailure(1, 50).retryIn()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aDeliveryIsGivenUpAfterMaxAttempts() {
        assertThat(policy.afterFailure(3, 3).dead()).isFalse();
        assertThat(policy.afterFailure(4, 4).dead()).isTrue();
    }

    @Test
    void theSubscriptionIsDisabledAfterConsecutiveFailuresWhicheverDeliveriesFailed() {
        assertThat(policy.afterFailure(1, 5).disable()).isFalse();
        assertThat(policy.afterFailure(2, 6).disable()).isTrue();
        assertThat(policy.afterFailure(4, 4).disable()).isFalse();
    }
}
