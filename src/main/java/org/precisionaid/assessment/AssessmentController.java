package org.precisionaid.assessment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.Region;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year's assessment of a county over REST: the county office starts it (the same start case as from Tasklist)
 * and everyone of the county follows its progress and findings.
 */
@RestController
@RequestMapping("/api/assessments")
public class AssessmentController {

    private final AssessmentRuns runs;
    private final AssessmentRecords records;
    private final RuntimeService runtime;
    private final CandidateGroups groups;

    public AssessmentController(AssessmentRuns runs, AssessmentRecords records, RuntimeService runtime,
            CandidateGroups groups) {
        this.runs = runs;
        this.records = records;
        this.runtime = runtime;
        this.groups = groups;
    }

    public record StartRequest(String countyCode, Object assessmentYear) {
    }

    @PostMapping
    public ResponseEntity<AssessmentRuns.Progress> start(@RequestBody StartRequest request, Authentication user) {
        Region county = runs.check(request.countyCode(), request.assessmentYear());
        int year = ((Number) request.assessmentYear()).intValue();
        String group = groups.of(county.getCode(), "county");
        if (!RegionScope.memberOf(user, group)) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("countyCode", "only the county office of " + county.label() + " (" + group
                            + ") starts its annual assessment"));
        }
        runs.refuseIfGoingOrDone(county.getCode(), year);
        runtime.startProcessInstanceByKey(AssessmentVariables.START_KEY, Variables.createVariables()
                .putValue(AssessmentVariables.COUNTY_CODE, county.getCode())
                .putValue(AssessmentVariables.YEAR, year));
        return ResponseEntity.accepted().location(URI.create("/api/assessments/" + county.getCode() + "/" + year))
                .body(runs.progress(county.getCode(), year));
    }

    @GetMapping("/{countyCode}/{year}")
    public AssessmentRuns.Progress progress(@PathVariable String countyCode, @PathVariable int year,
            Authentication user) {
        Region county = visibleCounty(countyCode, year, user);
        return runs.progress(county.getCode(), year);
    }

    /** The households of the run and what the assessment found, a page at a time. */
    @GetMapping("/{countyCode}/{year}/households")
    public List<AssessmentRecords.Finding> households(@PathVariable String countyCode, @PathVariable int year,
            @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Authentication user) {
        Region county = visibleCounty(countyCode, year, user);
        if (size < 1 || size > 200 || page < 0) {
            throw FieldRuleException.invalid(Map.of("size", "page size must be 1-200 and page >= 0"));
        }
        if (outcome != null && !outcome.matches("EXIT_PROPOSED|REMAINS|MONITORED|REENTRY|STABLE|EXITED|PENDING")) {
            throw FieldRuleException.invalid(Map.of("outcome",
                    "one of EXIT_PROPOSED, REMAINS, MONITORED, REENTRY, STABLE, EXITED, PENDING"));
        }
        RegionScope scope = RegionScope.of(user);
        return records.findings(county.getCode(), year, outcome, page, size).stream()
                .filter(finding -> scope.covers(finding.villageCode())).toList();
    }

    private Region visibleCounty(String countyCode, int year, Authentication user) {
        Region county = runs.check(countyCode, year);
        RegionScope scope = RegionScope.of(user);
        String prefix = AssessmentRuns.prefix(county.getCode());
        if (!scope.everything() && scope.prefixes().stream().noneMatch(p -> p.startsWith(prefix) || prefix.startsWith(p))) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("countyCode", county.getCode() + " lies outside your region"));
        }
        return county;
    }
}
