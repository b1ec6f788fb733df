package io.accord.testsupport;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentRequestsTests {

    /** Each request waits until all have begun: sent one after another, the first would wait in vain. */
    @Test
    void everyRequestIsUnderWayBeforeAnyIsAnswered() {
        CountDownLatch begun = new CountDownLatch(12);

        var allBegunTogether = ConcurrentRequests.atOnce(12, i -> {
            begun.countDown();
            try {
                return begun.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });

        assertThat(allBegunTogether).hasSize(12).containsOnly(true);
    }

    @Test
    void answersInTheOrderOfTheRequests() {
        assertThat(ConcurrentRequests.atOnce(5, i -> "answer " + i))
                .containsExactly("answer 0", "answer 1", "answer 2", "answer 3", "answer 4");
    }

    @Test
    void aFailedRequestFailsTheCallWithItsOwnException() {
        assertThatThrownBy(() -> ConcurrentRequests.atOnce(3, i -> {
            if (i == 1) {
                throw new IllegalArgumentException("request 1 refused");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("request 1 refused");
    }
}
