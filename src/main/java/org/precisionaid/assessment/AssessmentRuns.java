package org.precisionaid.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's assessment of a county as a whole: who may start it, for which year, and how far it has got. A run
 * that was interrupted (its start case cancelled) can be started again and goes on where it stopped.
 */
@Service
@Transactional
public class AssessmentRuns {

    /** The first year of targeted poverty alleviation's registers (建档立卡, 2014). */
    static final int FIRST_YEAR = 2014;

    private final AssessmentRecords records;
    private final RegionService regions;
    private final RuntimeService runtime;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final Clock clock;

    public AssessmentRuns(AssessmentRecords records, RegionService regions, RuntimeService runtime,
            org.camunda.bpm.engine.IdentityService identity, Clock clock) {
        this.identity = identity;
        this.records = records;
        this.regions = regions;
        this.runtime = runtime;
        this.clock = clock;
    }

    public record Progress(String countyCode, String county, int year, int total, int started, String startedBy,
                           java.time.Instant startedAt, java.time.Instant finishedAt, boolean running,
                           Map<String, Integer> outcomes) {
    }

    /** Checks the county and year; names the field and the rule when one is wrong. */
    public Region check(String countyCode, Object year) {
        Map<String, String> errors = new LinkedHashMap<>();
        Region county = null;
        if (countyCode == null || !countyCode.trim().matches("\\d{12}")) {
            errors.put("countyCode", "must be the county's 12-digit code, e.g. 654224000000");
        } else if (!regions.exists(countyCode.trim())) {
            errors.put("countyCode", "no region " + countyCode.trim());
        } else {
            county = regions.get(countyCode.trim());
            if (county.getLevel() != RegionLevel.COUNTY) {
                errors.put("countyCode", countyCode.trim() + " is a " + county.getLevel().name().toLowerCase()
                        + ", not a county");
            }
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (!(year instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            errors.put("assessmentYear", year == null ? "is required" : "must be a whole year");
        } else if (number.intValue() < FIRST_YEAR || number.intValue() > thisYear) {
            errors.put("assessmentYear", "must be between " + FIRST_YEAR + " and " + thisYear);
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return county;
    }

    /** Opens the run, or lets an interrupted one go on; refuses a run that is going or done. */
    public void open(String countyCode, int year, String actor) {
        if (refuseIfGoingOrDone(countyCode, year)) {
            return;
        }
        records.openRun(countyCode, year, records.countDue(prefix(countyCode), LocalDate.now(clock)), actor);
    }

    /** @return whether an interrupted run exists that may go on */
    @Transactional(readOnly = true)
    public boolean refuseIfGoingOrDone(String countyCode, int year) {
        var existing = records.run(countyCode, year);
        if (existing.isPresent()) {
            if (existing.get().finishedAt() != null) {
                throw new ConflictException("the assessment of " + year + " for " + countyCode + " was started by "
                        + existing.get().startedBy() + " and every household has its case");
            }
            if (running(countyCode, year)) {
                throw new ConflictException("the assessment of " + year + " for " + countyCode
                        + " is being started: " + records.started(countyCode, year) + " of "
                        + existing.get().total() + " households so far");
            }
            return true;
        }
        return false;
    }

    @Transactional(readOnly = true)
    public Progress progress(String countyCode, int year) {
        AssessmentRecords.Run run = records.run(countyCode, year).orElseThrow(() -> new FieldRuleException(
                org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "未启动 / Not started",
                Map.of("assessmentYear", "the assessment of " + year + " has not been started for " + countyCode)));
        return new Progress(countyCode, regions.get(countyCode).label(), year, run.total(),
                records.started(countyCode, year), run.startedBy(), run.startedAt(), run.finishedAt(),
                running(countyCode, year), records.outcomes(countyCode, year));
    }

    public static String businessKey(String countyCode, int year) {
        return "KH-" + year + "-" + countyCode;
    }

    static String prefix(String countyCode) {
        return countyCode.substring(0, RegionLevel.COUNTY.significantDigits());
    }

    private boolean running(String countyCode, int year) {
        return EngineCalls.withoutAuthorization(identity, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(AssessmentVariables.START_KEY)
                .processInstanceBusinessKey(businessKey(countyCode, year)).count()) > 0;
    }
}
