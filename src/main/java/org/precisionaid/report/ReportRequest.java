package org.precisionaid.report;

import java.time.LocalDate;
import java.time.ZoneId;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;

/** What a report is asked for: a region the caller may see, its code range, and a year. */
public record ReportRequest(Region region, int year) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The leading digits every code inside the region shares (654224 for Toli county). */
    public String prefix() {
        return region.getCode().substring(0, region.getLevel().significantDigits());
    }

    /** The smallest 12-digit code inside the region: codes are compared as ranges so that any index serves. */
    public String low() {
        return prefix() + "0".repeat(12 - prefix().length());
    }

    public String high() {
        return prefix() + "9".repeat(12 - prefix().length());
    }

    public RegionLevel level() {
        return region.getLevel();
    }

    /** The first moment of the next year in China: "registered by the end of the year" means before it. */
    public java.sql.Timestamp endOfYear() {
        return java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant());
    }

    public Report.RegionRef ref() {
        return new Report.RegionRef(region.getCode(), region.getNameZh(), region.getNameEn(), region.getLevel().name());
    }
}
