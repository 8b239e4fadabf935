package org.precisionaid.procedure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Working days as Chinese offices count them: Monday to Friday, except the public holidays, plus the weekend days the
 * State Council's yearly notice makes working days (调休). Both lists are configuration
 * ({@code precision-aid.calendar.holidays}, {@code precision-aid.calendar.working-weekends}), entered by the
 * administrator from each year's notice (国务院办公厅关于放假安排的通知); without them only weekends are skipped.
 */
@Component
public class WorkingDays {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    public WorkingDays(Environment environment) {
        Binder binder = Binder.get(environment);
        this.holidays = new TreeSet<>(binder.bind("precision-aid.calendar.holidays", Bindable.listOf(LocalDate.class))
                .orElse(List.of()));
        this.workingWeekends = new TreeSet<>(binder.bind("precision-aid.calendar.working-weekends",
                Bindable.listOf(LocalDate.class)).orElse(List.of()));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend || workingWeekends.contains(day);
    }

    /**
     * The moment {@code days} working days after {@code from}, at the same time of day: a report on Friday 10:00 with
     * two working days is due on Tuesday 10:00. A start on a day off counts from the next working day's start (a
     * report on Saturday is due when Monday and Tuesday are over).
     */
    public Date after(Date from, int days) {
        ZonedDateTime at = from.toInstant().atZone(CHINA);
        if (!isWorkingDay(at.toLocalDate())) {
            at = at.toLocalDate().atStartOfDay(CHINA);
            while (!isWorkingDay(at.toLocalDate())) {
                at = at.plusDays(1);
            }
        }
        for (int counted = 0; counted < days; ) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                counted++;
            }
        }
        return Date.from(at.toInstant());
    }
}
