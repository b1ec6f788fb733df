package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameMatchTests {

    @Test
    void equalNamesMatch() {
        assertThat(NameMatch.between("acme trading", "acme trading", 0.9)).contains("same name after normalisation");
    }

    @Test
    void theSameWordsInAnotherOrderMatch() {
        assertThat(NameMatch.between("ivan petrov", "petrov ivan", 0.9)).contains("same words");
    }

    @Test
    void aTypoMatchesAboveTheThreshold() {
        assertThat(NameMatch.between("rosneft trading", "rosnef trading", 0.9)).contains("similarity 0.93");
        assertThat(NameMatch.between("rosneft trading", "rosnef trading", 0.95)).isEmpty();
    }

    @Test
    void differentNamesDoNotMatch() {
        assertThat(NameMatch.between("acme", "acne", 0.9)).as("one letter in four is 0.75").isEmpty();
        assertThat(NameMatch.between("streamly media", "globex telecom", 0.9)).isEmpty();
        assertThat(NameMatch.between("", "", 0.9)).isEmpty();
    }

    @Test
    void levenshteinCountsEdits() {
        assertThat(NameMatch.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(NameMatch.levenshtein("", "abc")).isEqualTo(3);
        assertThat(NameMatch.levenshtein("flaw", "lawn")).isEqualTo(2);
    }
}
