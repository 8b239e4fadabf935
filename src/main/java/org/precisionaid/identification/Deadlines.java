package org.precisionaid.identification;

import org.precisionaid.procedure.ProcessBean;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Due dates and overdue timers of user tasks, read by the models as {@code ${deadlines.due('townshipReview')}}. */
@Component("deadlines")
@ProcessBean
public class Deadlines {

    private final IdentificationProperties properties;

    public Deadlines(IdentificationProperties properties) {
        this.properties = properties;
    }

    public Duration of(String taskKey) {
        Duration duration = properties.deadlines() == null ? null : properties.deadlines().get(taskKey);
        if (duration == null) {
            throw new IllegalStateException("no deadline configured for task '" + taskKey
                    + "' (precision-aid.identification.deadlines." + taskKey + ")");
        }
        return duration;
    }

    /** The due date, from the engine's clock so that tests and timers agree. */
    public Date due(String taskKey) {
        return new Date(ClockUtil.getCurrentTime().getTime() + of(taskKey).toMillis());
    }

    /** ISO 8601 duration for timer definitions. */
    public String period(String taskKey) {
        return of(taskKey).toString();
    }

    public Duration noticePeriod() {
        return properties.noticePeriod();
    }
}
