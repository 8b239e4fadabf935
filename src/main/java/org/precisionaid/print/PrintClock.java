package org.precisionaid.print;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Dates and times as printed: in the zone the households read ({@code precision-aid.print.zone}, Beijing time). */
@Component
public class PrintClock {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final ZoneId zone;

    public PrintClock(Clock clock, @Value("${precision-aid.print.zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public Instant now() {
        return clock.instant();
    }

    public String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    public String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }

    /** "北京时间 / Beijing time" for Asia/Shanghai, else the zone's id. */
    public String zoneLabel() {
        return "Asia/Shanghai".equals(zone.getId()) ? "北京时间 / Beijing time" : zone.getId();
    }
}
