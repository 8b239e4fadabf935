package org.precisionaid.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read which report: an official reads the reports of his own region and every region below it, never
 * another's. A missing region means the caller's own (when he has exactly one); a missing year means this year.
 */
@Component
public class ReportAccess {

    static final int FIRST_YEAR = 2000;
    /** Planned exits and targets lie ahead, but not further than this. */
    static final int YEARS_AHEAD = 10;

    private final RegionService regions;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public ReportAccess(RegionService regions, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.regions = regions;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public int thisYear() {
        return LocalDate.now(clock.withZone(ReportRequest.CHINA)).getYear();
    }

    /** The regions the caller may read reports of, in code order: each of his regions and everything below. */
    public java.util.List<Map<String, String>> readable(Authentication user) {
        RegionScope scope = RegionScope.of(user);
        java.util.List<String> prefixes = scope.everything() ? java.util.List.of("") : scope.prefixes();
        java.util.List<Map<String, String>> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String prefix : prefixes) {
            String low = prefix + "0".repeat(12 - prefix.length());
            String high = prefix + "9".repeat(12 - prefix.length());
            jdbc.query("select code, level, name_zh, name_en from region where code between ? and ? order by code",
                    rs -> {
                        if (seen.add(rs.getString(1))) {
                            out.add(Map.of("code", rs.getString(1), "level", rs.getString(2),
                                    "name", rs.getString(3) + " / " + rs.getString(4)));
                        }
                    }, low, high);
        }
        out.sort(java.util.Comparator.comparing(m -> m.get("code")));
        return out;
    }

    public ReportRequest resolve(String region, String year, Authentication user) {
        Map<String, String> errors = new LinkedHashMap<>();
        RegionScope scope = RegionScope.of(user);
        int thisYear = thisYear();
        int yearValue = thisYear;
        if (year != null && !year.isBlank()) {
            if (!year.strip().matches("\\d{4}")) {
                errors.put("year", "must be a year of four digits, e.g. " + thisYear);
            } else {
                yearValue = Integer.parseInt(year.strip());
                if (yearValue < FIRST_YEAR || yearValue > thisYear + YEARS_AHEAD) {
                    errors.put("year", "must lie between " + FIRST_YEAR + " and " + (thisYear + YEARS_AHEAD));
                }
            }
        }
        String code = null;
        if (region == null || region.isBlank()) {
            if (!scope.everything() && scope.prefixes().size() == 1) {
                String prefix = scope.prefixes().get(0);
                code = prefix + "0".repeat(Math.max(0, 12 - prefix.length()));
            } else if (!scope.everything() && scope.prefixes().isEmpty()) {
                throw forbidden("your account reads no region's reports");
            } else {
                errors.put("region", "name the region (a 12-digit division code)");
            }
        } else if (!region.strip().matches("\\d{12}")) {
            errors.put("region", "must be a 12-digit division code");
        } else {
            code = region.strip();
            try {
                RegionCode.of(code);
                if (!regions.exists(code)) {
                    errors.put("region", code + " is not a known region");
                }
            } catch (InvalidRegionCodeException e) {
                errors.put("region", "must be a 12-digit division code");
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if (!scope.covers(code)) {
            throw forbidden(code + " lies outside your region");
        }
        Region resolved = regions.get(code);
        return new ReportRequest(resolved, yearValue);
    }

    private static FieldRuleException forbidden(String why) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of("region", why));
    }
}
