package org.precisionaid.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.registry.Codes;
import org.precisionaid.report.ReportAccess;
import org.precisionaid.report.ReportRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An official's home: his region at a glance for a year — households by status, his open tasks by procedure with the
 * overdue ones, open objections, the year's funds, exits against the plan, monitoring cases — each figure with the
 * page behind it. Read with the same region rules as the reports ({@link ReportAccess}); the tasks are those the
 * engine shows him (his authorizations), so the count is the list Tasklist opens.
 */
@RestController
@RequestMapping("/api/workbench")
public class WorkbenchController {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final ReportAccess access;
    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final Clock clock;

    public WorkbenchController(ReportAccess access, JdbcTemplate jdbc, TaskService tasks, RepositoryService repository,
            org.camunda.bpm.engine.IdentityService identity, Clock clock) {
        this.identity = identity;
        this.access = access;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping
    public Map<String, Object> home(@RequestParam(required = false) String region,
            @RequestParam(required = false) String year, Authentication user) {
        ReportRequest request = access.resolve(region, year, user);
        String code = request.region().getCode();
        String reports = "/reports/report.html?region=" + code + "&year=" + request.year() + "&name=";
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("region", Map.of("code", code, "name", request.region().getNameZh() + " / "
                + request.region().getNameEn(), "level", request.level().name()));
        home.put("year", request.year());
        home.put("regions", access.readable(user));
        home.put("households", households(request, reports + "distribution"));
        home.put("tasks", tasks());
        home.put("objections", figure("objections", "待处理异议 / Open objections", objections(request), TASKLIST));
        home.put("funds", funds(request, reports + "projects-map"));
        home.put("exits", exits(request, reports + "reduction-tasks"));
        home.put("monitoring", monitoring(request, reports + "monitoring"));
        // the department lists are the county office's and the auditors' (personal data): only they see the link
        home.put("crossCheck", user.getAuthorities().stream().map(Object::toString).anyMatch(a ->
                a.startsWith("GROUP_county-") || a.startsWith("GROUP_auditor-") || "ROLE_ADMIN".equals(a)));
        return home;
    }

    private Map<String, Object> households(ReportRequest request, String link) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from household where village_code between ? and ? group by status",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, request.low(), request.high());
        List<Map<String, Object>> byStatus = new ArrayList<>();
        for (Codes.Status status : Codes.Status.values()) {
            byStatus.add(Map.of("status", status.name(), "label", status.label(),
                    "count", counts.getOrDefault(status.name(), 0L)));
        }
        return Map.of("byStatus", byStatus, "link", link);
    }

    /** His open tasks per procedure (latest name of each), and how many are past their due date. */
    private Map<String, Object> tasks() {
        Date now = Date.from(clock.instant());
        List<Map<String, Object>> byProcess = new ArrayList<>();
        long open = 0;
        long overdue = 0;
        // the procedures' names are no one's data; his tasks are counted with his own rights below
        List<ProcessDefinition> procedures = EngineCalls.withoutAuthorization(identity, () -> repository
                .createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().listPage(0, 200));
        for (ProcessDefinition definition : procedures) {
            long processOpen = tasks.createTaskQuery().processDefinitionKey(definition.getKey()).count();
            if (processOpen == 0) {
                continue;
            }
            long processOverdue = tasks.createTaskQuery().processDefinitionKey(definition.getKey()).dueBefore(now)
                    .count();
            open += processOpen;
            overdue += processOverdue;
            byProcess.add(Map.of("process", definition.getKey(),
                    "name", definition.getName() == null ? definition.getKey() : definition.getName(),
                    "open", processOpen, "overdue", processOverdue, "link", TASKLIST));
        }
        return Map.of("open", open, "overdue", overdue, "byProcess", byProcess, "link", TASKLIST);
    }

    private long objections(ReportRequest request) {
        return jdbc.queryForObject("select count(*) from objection o"
                + " left join household h on h.id = o.household_id left join project p on p.id = o.project_id"
                + " where o.status in ('OPEN', 'INVESTIGATING')"
                + " and (h.village_code between ? and ? or p.region_code between ? and ?)",
                Long.class, request.low(), request.high(), request.low(), request.high());
    }

    private Map<String, Object> funds(ReportRequest request, String link) {
        Map<String, Long> fen = new LinkedHashMap<>(Map.of("ALLOCATION", 0L, "DISBURSEMENT", 0L));
        jdbc.query("select l.entry_type, sum(l.amount_fen) from project_ledger l join project p on p.id = l.project_id"
                + " where p.fund_year = ? and p.region_code between ? and ? group by l.entry_type",
                rs -> { fen.put(rs.getString(1), rs.getLong(2)); }, request.year(), request.low(), request.high());
        Long projects = jdbc.queryForObject("select count(*) from project where fund_year = ? and region_code between ? and ?",
                Long.class, request.year(), request.low(), request.high());
        return Map.of("projects", projects, "allocatedFen", fen.get("ALLOCATION"),
                "disbursedFen", fen.get("DISBURSEMENT"), "link", link);
    }

    /**
     * Households planned to exit this year (their file cards) and the task the county set the region (its breakdown;
     * a city or province: its counties' tasks added up), against those that did.
     */
    private Map<String, Object> exits(ReportRequest request, String link) {
        Long planned = jdbc.queryForObject("select count(*) from household h join file_card f on f.household_id = h.id"
                + " where f.planned_exit_year = ? and h.status in ('REGISTERED', 'EXITED')"
                + " and h.village_code between ? and ?", Long.class, request.year(), request.low(), request.high());
        Long exited = jdbc.queryForObject("select count(*) from household where exit_year = ? and status = 'EXITED'"
                + " and village_code between ? and ?", Long.class, request.year(), request.low(), request.high());
        boolean aboveCounty = request.level().isAbove(org.precisionaid.region.RegionLevel.COUNTY);
        Long task = aboveCounty
                ? jdbc.queryForObject("select sum(exit_households) from region_target where target_year = ?"
                        + " and region_level = 'COUNTY' and region_code between ? and ?", Long.class, request.year(),
                        request.low(), request.high())
                : jdbc.queryForObject("select sum(exit_households) from region_target where target_year = ?"
                        + " and region_code = ?", Long.class, request.year(), request.region().getCode());
        Map<String, Object> exits = new java.util.LinkedHashMap<>();
        exits.put("planned", planned);
        exits.put("task", task);
        exits.put("exited", exited);
        exits.put("link", link);
        return exits;
    }

    /** Cases being decided (and how many past their 15 days), supported, and risks eliminated this year. */
    private Map<String, Object> monitoring(ReportRequest request, String link) {
        java.sql.Timestamp yearStart = java.sql.Timestamp.from(LocalDate.of(request.year(), 1, 1)
                .atStartOfDay(ReportRequest.CHINA).toInstant());
        java.sql.Timestamp yearEnd = java.sql.Timestamp.from(LocalDate.of(request.year() + 1, 1, 1)
                .atStartOfDay(ReportRequest.CHINA).toInstant());
        return jdbc.queryForObject("select"
                + " sum(case when status = 'REPORTED' then 1 else 0 end),"
                + " sum(case when status = 'REPORTED' and overdue then 1 else 0 end),"
                + " sum(case when status in ('MONITORED', 'ELIMINATION') then 1 else 0 end),"
                + " sum(case when status = 'ELIMINATED' and eliminated_at >= ? and eliminated_at < ? then 1 else 0 end)"
                + " from monitoring_case where village_code between ? and ?",
                (rs, i) -> Map.<String, Object>of("deciding", rs.getLong(1), "overdue", rs.getLong(2),
                        "supported", rs.getLong(3), "eliminatedThisYear", rs.getLong(4), "link", link),
                yearStart, yearEnd, request.low(), request.high());
    }

    private static Map<String, Object> figure(String name, String label, long value, String link) {
        return Map.of("name", name, "label", label, "value", value, "link", link);
    }
}
