package io.accord.catalog.category;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import static io.accord.catalog.category.CategoryStatus.ACTIVE;
import static io.accord.catalog.category.CategoryStatus.IN_DESIGN;
import static io.accord.catalog.category.CategoryStatus.IN_STUDY;
import static io.accord.catalog.category.CategoryStatus.LAUNCHED;
import static io.accord.catalog.category.CategoryStatus.OBSOLETE;
import static io.accord.catalog.category.CategoryStatus.REJECTED;
import static io.accord.catalog.category.CategoryStatus.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryStatusTests {

    @Test
    void beforeLaunchAnyDesignStatusOrLaunchIsAllowed() {
        assertThat(IN_STUDY.canBecome(IN_DESIGN)).isTrue();
        assertThat(REJECTED.canBecome(IN_STUDY)).isTrue();
        assertThat(ACTIVE.canBecome(LAUNCHED)).isTrue();
        assertThat(IN_STUDY.canBecome(RETIRED)).isFalse();
    }

    @Test
    void aLaunchedCategoryOnlyRetiresAndARetiredOneRelaunchesOrBecomesObsolete() {
        assertThat(LAUNCHED.canBecome(RETIRED)).isTrue();
        assertThat(LAUNCHED.canBecome(IN_STUDY)).isFalse();
        assertThat(LAUNCHED.canBecome(OBSOLETE)).isFalse();
        assertThat(RETIRED.canBecome(LAUNCHED)).isTrue();
        assertThat(RETIRED.canBecome(OBSOLETE)).isTrue();
        assertThat(RETIRED.canBecome(IN_DESIGN)).isFalse();
        assertThat(OBSOLETE.canBecome(LAUNCHED)).isFalse();
    }

    @Test
    void onlyNeverLaunchedStatusesAllowDeletion() {
        assertThat(IN_STUDY.isPreLaunch()).isTrue();
        assertThat(REJECTED.isPreLaunch()).isTrue();
        assertThat(LAUNCHED.isPreLaunch()).isFalse();
        assertThat(RETIRED.isPreLaunch()).isFalse();
    }

    @Test
    void parsesTheTmfValueInAnyCaseAndNamesTheFieldOtherwise() {
        assertThat(CategoryStatus.parse("in study", "lifecycleStatus")).isEqualTo(IN_STUDY);
        assertThat(CategoryStatus.parse("Launched", "lifecycleStatus")).isEqualTo(LAUNCHED);
        assertThatThrownBy(() -> CategoryStatus.parse("Live", "lifecycleStatus"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("In study, In design"));
    }
}
