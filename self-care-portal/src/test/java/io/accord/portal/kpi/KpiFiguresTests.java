package io.accord.portal.kpi;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class KpiFiguresTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void durationsFromSecondsOrIsoTextAreShort() {
        assertThat(KpiFigures.duration(JSON.readTree("9.4"))).isEqualTo("9 s");
        assertThat(KpiFigures.duration(JSON.readTree("754"))).isEqualTo("12 min");
        assertThat(KpiFigures.duration(JSON.readTree("14700"))).isEqualTo("4 h 5 min");
        assertThat(KpiFigures.duration(JSON.readTree("\"PT50H\""))).isEqualTo("2 d 2 h");
        assertThat(KpiFigures.duration(JSON.readTree("null"))).isEqualTo(KpiFigures.NONE);
        assertThat(KpiFigures.duration(JSON.readTree("\"soon\""))).isEqualTo(KpiFigures.NONE);
    }

    @Test
    void ratesArePercentAndNumbersFollowTheLanguage() {
        assertThat(KpiFigures.percent(JSON.readTree("0.2500"), Locale.ENGLISH)).isEqualTo("25.0 %");
        assertThat(KpiFigures.percent(JSON.readTree("\"0.3333\""), Locale.GERMAN)).isEqualTo("33,3 %");
        assertThat(KpiFigures.percent(JSON.readTree("null"), Locale.ENGLISH)).isEqualTo(KpiFigures.NONE);
        assertThat(KpiFigures.number(JSON.readTree("\"1234.505000\""), 2, Locale.GERMAN)).isEqualTo("1.234,50");
        assertThat(KpiFigures.number(JSON.readTree("1500"), 0, Locale.ENGLISH)).isEqualTo("1,500");
        assertThat(KpiFigures.number(JSON.readTree("\"n/a\""), 0, Locale.ENGLISH)).isEqualTo(KpiFigures.NONE);
        assertThat(KpiFigures.percent(JSON.readTree("\"n/a\""), Locale.ENGLISH)).isEqualTo(KpiFigures.NONE);
    }
}
