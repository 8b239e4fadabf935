package org.precisionaid.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** "Two working days" as an office counts them: weekends, holidays and the weekend days made working days. */
class WorkingDaysTest {

    /** National Day 2026 as an administrator would enter it: 1–7 October off, Saturday 10 October worked. */
    final WorkingDays calendar = new WorkingDays(new MockEnvironment()
            .withProperty("precision-aid.calendar.holidays",
                    "2026-10-01,2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07")
            .withProperty("precision-aid.calendar.working-weekends", "2026-10-10"));

    @Test
    void aReportOnFridayMorningIsDueOnTuesdayMorning() {
        assertThat(calendar.after(at("2026-12-04T10:00"), 2)).isEqualTo(at("2026-12-08T10:00"));
        assertThat(calendar.after(at("2026-12-01T10:00"), 2)).as("Tuesday → Thursday").isEqualTo(at("2026-12-03T10:00"));
    }

    @Test
    void aReportOnSaturdayIsDueWhenMondayAndTuesdayAreOver() {
        assertThat(calendar.after(at("2026-12-05T16:30"), 2)).isEqualTo(at("2026-12-09T00:00"));
    }

    @Test
    void holidaysAreSkippedAndAWorkedSaturdayCounts() {
        // reported on Wednesday 30 September: Thursday 1 to Wednesday 7 October are holidays, Thursday 8 is the first
        // working day, Friday 9 the second
        assertThat(calendar.after(at("2026-09-30T09:00"), 2)).isEqualTo(at("2026-10-09T09:00"));
        // from Friday 9 October: Saturday 10 is worked, so it is the first day and Monday 12 the second
        assertThat(calendar.after(at("2026-10-09T09:00"), 2)).isEqualTo(at("2026-10-12T09:00"));
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    void withoutAConfiguredCalendarOnlyWeekendsAreSkipped() {
        WorkingDays weekendsOnly = new WorkingDays(new MockEnvironment()
                .withProperty("precision-aid.calendar.holidays", "")
                .withProperty("precision-aid.calendar.working-weekends", ""));
        assertThat(weekendsOnly.after(at("2026-09-30T09:00"), 2)).isEqualTo(at("2026-10-02T09:00"));
    }

    private static Date at(String chinaLocalTime) {
        return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(chinaLocalTime), WorkingDays.CHINA).toInstant());
    }
}
