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
    private final org.camunda.bpm.engine.ManagementService management;
    private final int lanes;

    public AssessmentRuns(AssessmentRecords records, RegionService regions, RuntimeService runtime,
            org.camunda.bpm.engine.IdentityService identity, Clock clock,
            org.camunda.bpm.engine.ManagementService management,
            @org.springframework.beans.factory.annotation.Value("${precision-aid.annual-assessment.lanes:4}") int lanes) {
        this.identity = identity;
        this.management = management;
        this.lanes = Math.max(1, lanes);
        this.records = records;
        this.regions = regions;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * How far the run has got. {@code stopped}: neither running nor finished (its start case was cancelled or lost),
     * so starting it again resumes it; {@code failedLanes}: lanes whose job ran out of retries (an incident for the
     * administrator in Cockpit; the run waits for it). Lanes split the households as the start case does.
     */
    public record Progress(String countyCode, String county, int year, int total, int started, String startedBy,
                           java.time.Instant startedAt, java.time.Instant finishedAt, boolean running,
                           Map<String, Integer> outcomes, boolean stopped, int remaining, int failedLanes,
                           java.util.List<AssessmentRecords.Lane> lanes) {
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
        boolean running = running(countyCode, year);
        var byLane = records.lanes(countyCode, year, lanes, LocalDate.now(clock));
        // once finished, a household registered later waits for next year (ADR 0011): nothing remains of this run
        int remaining = run.finishedAt() != null ? 0
                : byLane.stream().mapToInt(AssessmentRecords.Lane::remaining).sum();
        return new Progress(countyCode, regions.get(countyCode).label(), year, run.total(),
                records.started(countyCode, year), run.startedBy(), run.startedAt(), run.finishedAt(),
                running, records.outcomes(countyCode, year), !running && run.finishedAt() == null, remaining,
                running ? failedLanes(countyCode, year) : 0, run.finishedAt() != null ? byLane.stream()
                        .map(l -> new AssessmentRecords.Lane(l.lane(), l.started(), 0)).toList() : byLane);
    }

    private int failedLanes(String countyCode, int year) {
        return EngineCalls.withoutAuthorization(identity, () -> {
            var start = runtime.createProcessInstanceQuery().processDefinitionKey(AssessmentVariables.START_KEY)
                    .processInstanceBusinessKey(businessKey(countyCode, year)).list();
            long failed = 0;
            for (var instance : start) {
                failed += management.createJobQuery().processInstanceId(instance.getId()).noRetriesLeft().count();
            }
            return (int) failed;
        });
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
