package org.precisionaid.monitoring;

import org.precisionaid.web.input.MultiLine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public on purpose, without login: a villager reports his household's hardship (防返贫监测 自主申报), and the village's
 * monitoring notices with their objection form. Rate-limited per address like objections; the phone is never shown
 * back; a notice shows no ID number, phone, bank account or health condition (nor what the report said).
 */
@RestController
@RequestMapping("/public")
public class PublicMonitoringController {

    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
    static final int MIN_TEXT = 10;
    static final int MAX_TEXT = 1000;
    /** With a kind, the kind's label goes before the text, and the two fit the report's 1000 characters. */
    static final int MAX_TEXT_WITH_KIND = 900;
    /** What kind of hardship the villager names on the page (optional over the API). */
    static final Map<String, String> KINDS = Map.of("ILLNESS", "因病 / Illness", "ACCIDENT", "意外事故 / Accident",
            "DISASTER", "自然灾害 / Natural disaster", "JOB_LOSS", "失业或务工受阻 / Lost work",
            "INCOME_DROP", "收入大幅下降 / Income collapsed", "SCHOOLING", "上学负担重 / Schooling costs",
            "HOUSING", "住房不安全 / Unsafe housing", "OTHER", "其他 / Other");

    private final MonitoringStarter starter;
    private final MonitoringCaseRepository cases;
    private final HouseholdService households;
    private final RegionService regions;
    private final ObjectionService objections;
    private final SubmissionLimiter limiter;
    private final Clock clock;

    public PublicMonitoringController(MonitoringStarter starter, MonitoringCaseRepository cases,
            HouseholdService households, RegionService regions, ObjectionService objections,
            SubmissionLimiter limiter, Clock clock) {
        this.starter = starter;
        this.cases = cases;
        this.households = households;
        this.regions = regions;
        this.objections = objections;
        this.limiter = limiter;
        this.clock = clock;
    }

    public record ReportRequest(String village, String name, String phone, String kind, @MultiLine String whatHappened,
            Boolean consent) {
    }

    public record ReportReceipt(String reportNo, String village, String message) {
    }

    public record Notice(String caseNo, String headName, String villageGroup, String category, String kind,
                         Instant noticeEnds) {
    }

    public record ObjectionRequest(String caseNo, @MultiLine String reason, String contact) {
    }

    @PostMapping("/monitoring-reports")
    public ResponseEntity<ReportReceipt> report(@RequestBody ReportRequest request, HttpServletRequest http) {
        limiter.check(http.getRemoteAddr());
        Map<String, String> errors = new LinkedHashMap<>();
        String village = request.village() == null ? "" : request.village().trim();
        if (!village.matches("\\d{12}")) {
            errors.put("village", "must be the 12-digit code of your village, e.g. 654224101201");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            errors.put("name", name.isEmpty() ? "is required" : "at most 64 characters");
        }
        String phone = request.phone() == null ? "" : request.phone().strip();
        if (!PHONE.matcher(phone).matches()) {
            errors.put("phone", "must be an 11-digit mobile number or a landline such as 0901-6221234");
        }
        String text = request.whatHappened() == null ? "" : request.whatHappened().replaceAll("[\\p{Cntrl}&&[^\\n]]", "")
                .strip();
        String kind = request.kind() == null || request.kind().isBlank() ? null : request.kind().strip();
        if (kind != null && !KINDS.containsKey(kind)) {
            errors.put("kind", "must be one of " + String.join(", ", new java.util.TreeSet<>(KINDS.keySet())));
        }
        int maxText = kind == null ? MAX_TEXT : MAX_TEXT_WITH_KIND;
        if (text.length() < MIN_TEXT || text.length() > maxText) {
            errors.put("whatHappened", "say what happened in " + MIN_TEXT + " to " + maxText + " characters");
        }
        if (!Boolean.TRUE.equals(request.consent())) {
            errors.put("consent", "the household must consent to the check of its income and assets");
        }
        if (errors.isEmpty()) {
            Region region = regions.get(village);
            if (region.getLevel() != RegionLevel.VILLAGE) {
                errors.put("village", "'" + village + "' is not a village code");
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        String reported = kind == null ? text : "【" + KINDS.get(kind) + "】" + text;
        String reportNo = starter.publicReport(village, name, phone, reported).getBusinessKey();
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReportReceipt(reportNo, village,
                "已受理，村文书将在2个工作日内联系您并入户核实 / Received: the village clerk will contact you and visit within "
                        + "two working days"));
    }

    @GetMapping("/monitoring-notices")
    @Transactional(readOnly = true)
    public List<Notice> notices(@RequestParam String village) {
        Region region = regions.get(village);
        if (region.getLevel() != RegionLevel.VILLAGE) {
            throw FieldRuleException.invalid(Map.of("village", "'" + village + "' is not a village code"));
        }
        return cases.findByVillageCodeAndNoticeEndsAfterOrderByCaseNo(village, clock.instant()).stream().map(found -> {
            Household household = households.get(found.getHouseholdId());
            return new Notice(found.getCaseNo(), household.head() == null ? "" : household.head().getName(),
                    household.getVillageGroup(), found.getCategory(),
                    found.getStatus() == MonitoringCase.State.ELIMINATION ? "RISK_ELIMINATION" : "MONITORING",
                    found.getNoticeEnds());
        }).toList();
    }

    @PostMapping("/monitoring-objections")
    public ResponseEntity<Map<String, Object>> object(@RequestBody ObjectionRequest request, HttpServletRequest http) {
        limiter.check(http.getRemoteAddr());
        Objection objection = objections.submit(Objection.Subject.MONITORING, request.caseNo(), request.reason(),
                request.contact());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("objectionId", objection.getId(), "caseNo",
                request.caseNo().trim(), "message", "异议已受理，乡镇将调查答复 / Your objection was received; the township "
                        + "will investigate and answer"));
    }
}
