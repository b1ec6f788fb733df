package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetLimitTests {

    @Test
    void defaultsToTheFirstTwentyAndKeepsAnyOffset() {
        assertThat(OffsetLimit.of(null, null, Sort.unsorted())).satisfies(page -> {
            assertThat(page.getOffset()).isZero();
            assertThat(page.getPageSize()).isEqualTo(OffsetLimit.DEFAULT_LIMIT);
        });
        assertThat(OffsetLimit.of(7, 5, Sort.unsorted()).getOffset()).isEqualTo(7);
        assertThat(OffsetLimit.of(7, 5, Sort.unsorted()).next().getOffset()).isEqualTo(12);
    }

    @Test
    void refusesANegativeOffsetAndALimitOutOfRange() {
        assertThatThrownBy(() -> OffsetLimit.of(-1, 10, Sort.unsorted())).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("offset");
        assertThatThrownBy(() -> OffsetLimit.of(0, 0, Sort.unsorted())).extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> OffsetLimit.of(0, OffsetLimit.MAX_LIMIT + 1, Sort.unsorted()))
                .extracting("field").isEqualTo("limit");
    }
}
