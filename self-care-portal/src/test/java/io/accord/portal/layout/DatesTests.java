package io.accord.portal.layout;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dates and instants in the user's language, UTC, and ISO where a machine reads them. */
class DatesTests {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void germanPagesWriteDaysAndTimesTheGermanWay() {
        assertThat(Dates.date("2026-12-07", Locale.GERMAN)).isEqualTo("07.12.2026");
        assertThat(Dates.date("2026-12-07T00:00:00Z", Locale.GERMANY)).isEqualTo("07.12.2026");
        assertThat(Dates.instant("2026-12-07T14:05:13.123456Z", Locale.GERMAN)).isEqualTo("07.12.2026, 14:05");
        assertThat(Dates.instant("2026-12-07", Locale.GERMAN)).as("a day stays a day").isEqualTo("07.12.2026");
    }

    @Test
    void englishPagesKeepThePortalsIsoStyle() {
        assertThat(Dates.date("2026-12-07", Locale.ENGLISH)).isEqualTo("2026-12-07");
        assertThat(Dates.instant("2026-12-07T14:05:13Z", Locale.ENGLISH)).isEqualTo("2026-12-07 14:05");
        assertThat(Dates.instant("2026-12-07T14:05:13Z", Locale.UK)).isEqualTo("2026-12-07 14:05");
    }

    @Test
    void instantsAreShownInUtcWhateverOffsetTheyCameWith() {
        assertThat(Dates.instant("2026-12-07T15:05:00+01:00", Locale.ENGLISH)).isEqualTo("2026-12-07 14:05");
        assertThat(Dates.instant("2026-12-07T00:30:00+01:00", Locale.GERMAN)).isEqualTo("06.12.2026, 23:30");
        assertThat(Dates.instant("2026-12-07T14:05:13", Locale.GERMAN)).as("no offset: UTC")
                .isEqualTo("07.12.2026, 14:05");
    }

    @Test
    void machinesReadIso() {
        assertThat(Dates.machine("2026-12-07")).isEqualTo("2026-12-07");
        assertThat(Dates.machine("2026-12-07T14:05:13.123456Z")).isEqualTo("2026-12-07T14:05:13Z");
        assertThat(Dates.machine("2026-12-07T15:05:00+01:00")).isEqualTo("2026-12-07T14:05:00Z");
        assertThat(Dates.machine("")).isNull();
        assertThat(Dates.machine("soon")).isNull();
        assertThat(Dates.machine(null)).isNull();
    }

    @Test
    void blankAndOddValuesAreLeftAlone() {
        assertThat(Dates.instant(null, Locale.GERMAN)).isEmpty();
        assertThat(Dates.instant("null", Locale.GERMAN)).isEmpty();
        assertThat(Dates.date("", Locale.GERMAN)).isEmpty();
        assertThat(Dates.date("—", Locale.GERMAN)).isEqualTo("—");
        assertThat(Dates.instant("07.12.2026, 14:05", Locale.GERMAN)).as("shown already").isEqualTo("07.12.2026, 14:05");
    }

    @Test
    void displayFollowsTheUsersLanguageAndNamesTheZone() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(Display.instantUtc("2026-12-07T01:57:12.5Z")).isEqualTo("07.12.2026, 01:57 UTC");
        assertThat(Display.instantUtc(Display.instant("2026-12-07T01:57:12.5Z"))).isEqualTo("07.12.2026, 01:57 UTC");
        assertThat(Display.date("2026-12-07")).isEqualTo("07.12.2026");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(Display.instantUtc("2026-12-07T01:57:12.5Z")).isEqualTo("2026-12-07 01:57 UTC");
    }

    @Test
    void aFiltersDayIsReadAsIsoOrAsGermanPagesWriteIt() {
        assertThat(Dates.typedDay("2026-12-07")).contains(LocalDate.of(2026, 12, 7));
        assertThat(Dates.typedDay(" 07.12.2026 ")).contains(LocalDate.of(2026, 12, 7));
        assertThat(Dates.typedDay("7.12.2026")).contains(LocalDate.of(2026, 12, 7));
        // what the pages show reads back as itself in both languages
        assertThat(Dates.typedDay(Dates.date("2026-02-28", Locale.GERMAN))).contains(LocalDate.of(2026, 2, 28));
        assertThat(Dates.typedDay(Dates.date("2026-02-28", Locale.ENGLISH))).contains(LocalDate.of(2026, 2, 28));
        assertThat(Dates.typedDay("")).isEqualTo(Optional.empty());
        assertThat(Dates.typedDay(null)).isEqualTo(Optional.empty());
    }

    @Test
    void aDayThatCannotBeReadIsRefusedWithWhatWasTyped() {
        for (String typed : new String[] {"31.02.2026", "12/07/2026", "2026-13-01", "07.12.26", "07.12.2026x",
                "1899-12-31", "-4800-01-01", "+999999999-12-31", "9999-12-31", "tomorrow"}) {
            assertThatThrownBy(() -> Dates.typedDay(typed)).as(typed).isInstanceOf(Dates.Unreadable.class)
                    .extracting(thrown -> ((Dates.Unreadable) thrown).typed()).isEqualTo(typed);
        }
    }
}
