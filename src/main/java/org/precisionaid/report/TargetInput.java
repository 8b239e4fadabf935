package org.precisionaid.report;

import java.util.Map;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the county's target pages send, and who may read and set a county's targets: the county and year in a path or
 * query, checked and named by field; officials of the county, above it and within it read; its county
 * poverty-alleviation office sets.
 */
@Component
class TargetInput {

    private final RegionService regions;
    private final ReportAccess access;

    TargetInput(RegionService regions, ReportAccess access) {
        this.regions = regions;
        this.access = access;
    }

    /** A county and year the caller named, checked. */
    record CountyYear(String county, int year) {
    }

    /** The county and year of a read: both well formed, and the county one the caller reads (else 400 / 403). */
    CountyYear toRead(String county, String year, org.springframework.security.core.Authentication user) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String code = county(county, "county", errors);
        int targetYear = year(year, "year", errors);
        throwIfAny(errors);
        if (!readable(code, user)) {
            throw forbidden("county", code + " lies outside your region");
        }
        return new CountyYear(code, targetYear);
    }

    /** The county and year of a write: both well formed, and the caller its county office (else 400 / 403). */
    CountyYear toWrite(String countyCode, String year, org.springframework.security.core.Authentication user,
            String what) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String code = county(countyCode, "countyCode", errors);
        int targetYear = year(year, "year", errors);
        throwIfAny(errors);
        if (!editable(code, user)) {
            throw forbidden("countyCode", "only the county poverty-alleviation office of " + code + " " + what);
        }
        return new CountyYear(code, targetYear);
    }

    /** A known county's code, or null with the field's rule in errors. */
    String county(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required: a county's 12-digit division code");
            return null;
        }
        try {
            RegionCode code = RegionCode.of(value.strip(), field);
            if (code.level() != RegionLevel.COUNTY) {
                errors.put(field, "'" + value.strip() + "' is not a county code");
                return null;
            }
            if (!regions.exists(code.value())) {
                errors.put(field, code.value() + " is not a known county");
                return null;
            }
            return code.value();
        } catch (InvalidRegionCodeException e) {
            errors.put(field, "must be a 12-digit division code");
            return null;
        }
    }

    /** The year (this year when absent), within the years the reports cover. */
    int year(String value, String field, Map<String, String> errors) {
        int thisYear = access.thisYear();
        if (value == null || value.isBlank()) {
            return thisYear;
        }
        if (!value.strip().matches("\\d{4}")) {
            errors.put(field, "must be a year of four digits, e.g. " + thisYear);
            return thisYear;
        }
        int year = Integer.parseInt(value.strip());
        if (year < ReportAccess.FIRST_YEAR || year > thisYear + ReportAccess.YEARS_AHEAD) {
            errors.put(field, "must lie between " + ReportAccess.FIRST_YEAR + " and "
                    + (thisYear + ReportAccess.YEARS_AHEAD));
        }
        return year;
    }

    /** Officials of the county, of a region above it, or of a township or village within it. */
    static boolean readable(String countyCode, org.springframework.security.core.Authentication user) {
        RegionScope scope = RegionScope.of(user);
        String county = countyCode.substring(0, 6);
        return scope.covers(countyCode) || scope.prefixes().stream().anyMatch(p -> p.startsWith(county));
    }

    static boolean editable(String countyCode, org.springframework.security.core.Authentication user) {
        return RegionScope.memberOf(user, OfficialRole.COUNTY.key() + "-" + countyCode.substring(0, 6));
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
    }

    static FieldRuleException forbidden(String field, String why) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, why));
    }
}
