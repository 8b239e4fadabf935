package org.precisionaid.procedure;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Time limits of every procedure, changed in configuration (environment) without code. Keyed per process:
 * {@code precision-aid.<process>.deadlines.<task>} (how long officials have before a user task is overdue and
 * escalates) and {@code precision-aid.<process>.notice-period} (how long a public notice stays up). The models
 * read them as {@code ${deadlines.due('funding', 'townshipReview')}}. A limit the rules give in working days (e.g. the
 * monitoring household check, "2 个工作日") is {@code precision-aid.<process>.working-day-deadlines.<task>: 2}; its due
 * date skips weekends and holidays ({@link WorkingDays}) and its timer is {@code ${deadlines.due(...)}} as a timeDate.
 */
@Component("deadlines")
@ProcessBean
public class Deadlines {

    private final Binder binder;
    private final WorkingDays workingDays;
    private final Map<String, Map<String, Duration>> perProcess = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> workingDayLimits = new ConcurrentHashMap<>();

    public Deadlines(Environment environment, WorkingDays workingDays) {
        this.binder = Binder.get(environment);
        this.workingDays = workingDays;
    }

    /** The task's limit in working days, if the rules give it so. */
    private Integer workingDaysOf(String processKey, String taskKey) {
        return workingDayLimits.computeIfAbsent(processKey, key -> binder
                .bind("precision-aid." + propertyName(key) + ".working-day-deadlines",
                        Bindable.mapOf(String.class, Integer.class))
                .orElse(Map.of())).get(taskKey);
    }

    public Duration of(String processKey, String taskKey) {
        Map<String, Duration> deadlines = perProcess.computeIfAbsent(processKey, key -> binder
                .bind("precision-aid." + propertyName(key) + ".deadlines", Bindable.mapOf(String.class, Duration.class))
                .orElse(Map.of()));
        Duration duration = deadlines.get(taskKey);
        if (duration == null) {
            throw new IllegalStateException("no deadline configured for task '" + taskKey + "' of process '"
                    + processKey + "' (precision-aid." + propertyName(processKey) + ".deadlines." + taskKey + ")");
        }
        return duration;
    }

    /** The due date, from the engine's clock so that tests and timers agree. */
    public Date due(String processKey, String taskKey) {
        Integer days = workingDaysOf(processKey, taskKey);
        if (days != null) {
            return workingDays.after(ClockUtil.getCurrentTime(), days);
        }
        return new Date(ClockUtil.getCurrentTime().getTime() + of(processKey, taskKey).toMillis());
    }

    /** ISO 8601 duration for timer definitions. */
    public String period(String processKey, String taskKey) {
        return of(processKey, taskKey).toString();
    }

    /** A repeating ISO 8601 cycle for reminders, e.g. {@code R/P30D}. */
    public String cycle(String processKey, String taskKey) {
        return "R/" + of(processKey, taskKey);
    }

    public Duration noticePeriod(String processKey) {
        String property = "precision-aid." + propertyName(processKey) + ".notice-period";
        return binder.bind(property, Duration.class).orElseThrow(() -> new IllegalStateException(
                "no notice period configured for process '" + processKey + "' (" + property + ")"));
    }

    /** The end of a notice that starts now. */
    public Date noticeEnds(String processKey) {
        return new Date(ClockUtil.getCurrentTime().getTime() + noticePeriod(processKey).toMillis());
    }

    /** A process key as it stands in application.yaml: {@code cadreVisit} → {@code cadre-visit}. */
    static String propertyName(String processKey) {
        return processKey.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
