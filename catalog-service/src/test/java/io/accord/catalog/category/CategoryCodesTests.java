package io.accord.catalog.category;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryCodesTests {

    @ParameterizedTest
    @CsvSource({"Video on demand, VIDEO_ON_DEMAND", "'  IoT / M2M  ', IOT_M2M", "Vidéo à la carte, VIDEO_A_LA_CARTE",
            "5G slices, 5G_SLICES", "Cloud++, CLOUD"})
    void derivesACodeFromTheName(String name, String code) {
        assertThat(CategoryCodes.codeFor(null, name)).isEqualTo(code);
    }

    @Test
    void aDerivedCodeIsCutToTheMaximumWithoutATrailingUnderscore() {
        String code = CategoryCodes.codeFor(null, "a".repeat(59) + " b");

        assertThat(code).isEqualTo("A".repeat(59));
    }

    @Test
    void keepsAGivenCodeThatFollowsTheRules() {
        assertThat(CategoryCodes.codeFor("VIDEO_SVOD", "whatever")).isEqualTo("VIDEO_SVOD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"video", "VIDEO-SVOD", "_VIDEO", "", " VIDEO", "VIDÉO"})
    void refusesACodeOutsideTheRules(String code) {
        assertThatThrownBy(() -> CategoryCodes.codeFor(code, "Video"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void asksForACodeWhenTheNameGivesNone() {
        assertThatThrownBy(() -> CategoryCodes.codeFor(null, "日本"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }
}
