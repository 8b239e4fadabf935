package org.precisionaid.monitoring;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.input.MultiLine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A village clerk enters a household that was never registered (边缘易致贫户, 突发严重困难户) as a monitoring subject:
 * its members and income, checked exactly as an application, and what happened; its monitoring case (channel CLERK)
 * starts at the household check. A household already in the registry is reported through Tasklist instead.
 */
@RestController
@RequestMapping("/api/monitoring")
public class MonitoringController {

    /** The column {@code monitoring_case.report}. */
    static final int REPORT_MAX = 1000;

    private final MonitoringStarter starter;
    private final CandidateGroups groups;
    private final HouseholdService households;

    public MonitoringController(MonitoringStarter starter, CandidateGroups groups, HouseholdService households) {
        this.starter = starter;
        this.groups = groups;
        this.households = households;
    }

    public record NewHousehold(ApplicationForm household, @MultiLine String report) {
    }

    public record Opened(String caseNo, String applicationNo, String villageCode) {
    }

    @PostMapping("/households")
    public ResponseEntity<Opened> enterNeverRegistered(@RequestBody NewHousehold body, Authentication user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.household() == null) {
            errors.put("household", "is required: the household's members and income, as in an application");
        }
        if (body.report() == null || body.report().isBlank()) {
            errors.put("report", "is required: what happened (illness, disaster, loss of work, …)");
        } else if (body.report().length() > REPORT_MAX) {
            errors.put("report", "at most " + REPORT_MAX + " characters");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        String village = body.household().regionCode();
        if (village == null) {
            throw FieldRuleException.invalid(Map.of("household.regionCode", "is required"));
        }
        String clerkGroup = groups.of(village, "clerk");
        if (!RegionScope.memberOf(user, clerkGroup)) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("household.regionCode", "only the clerk of village " + village + " (" + clerkGroup
                            + ") enters its households for monitoring"));
        }
        MonitoringStarter.Started started = starter.openForNewHousehold(body.household(), MonitoringCase.Channel.CLERK,
                body.report().strip(), user.getName());
        String applicationNo = households.get(started.monitoringCase().getHouseholdId()).getApplicationNo();
        return ResponseEntity.created(URI.create("/api/households/" + applicationNo))
                .body(new Opened(started.monitoringCase().getCaseNo(), applicationNo, village));
    }
}
