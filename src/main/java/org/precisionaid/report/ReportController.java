package org.precisionaid.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.Spreadsheets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "three tables, two maps and one guide" over REST, each for a region the caller may read and a year:
 * {@code GET /api/reports/{name}?region=&year=} as JSON, {@code GET /api/reports/{name}.xlsx?region=&year=} (or
 * {@code ?format=xlsx}) as Excel, {@code GET /api/reports/{name}.pdf?region=&year=} (or {@code ?format=pdf}) as a
 * printable A4 landscape PDF with the same tables. Pages under /reports/ show them with a region and year picker and print them.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    static final int DEFAULT_PAGE_SIZE = 100;

    private final ReportAccess access;
    private final Distribution distribution;
    private final IncomeTargets incomeTargets;
    private final ReductionTasks reductionTasks;
    private final Maps maps;
    private final Guide guide;
    private final MonitoringTable monitoring;
    private final FindingsTable findings;
    private final ReportWorkbook workbook;
    private final ReportPdf pdf;
    private final Clock clock;

    public ReportController(ReportAccess access, Distribution distribution, IncomeTargets incomeTargets,
            ReductionTasks reductionTasks, Maps maps, Guide guide, MonitoringTable monitoring, FindingsTable findings,
            ReportWorkbook workbook, ReportPdf pdf, Clock clock) {
        this.monitoring = monitoring;
        this.findings = findings;
        this.pdf = pdf;
        this.access = access;
        this.distribution = distribution;
        this.incomeTargets = incomeTargets;
        this.reductionTasks = reductionTasks;
        this.maps = maps;
        this.guide = guide;
        this.workbook = workbook;
        this.clock = clock;
    }

    /** What the caller may ask for: the reports, the regions he may read (his own and below), this year. */
    @GetMapping
    public Map<String, Object> index(Authentication user) {
        return Map.of("reports", java.util.Arrays.stream(ReportName.values())
                        .map(r -> Map.of("name", r.path(), "title", r.title())).toList(),
                "regions", access.readable(user), "thisYear", access.thisYear());
    }

    @GetMapping("/{name}")
    public ResponseEntity<?> report(@PathVariable String name, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) String size,
            Authentication user) {
        ReportName report = ReportName.of(name).orElseThrow(() -> new ReportNotFoundException(name));
        if (format != null && !format.isBlank() && !format.equals("json") && !format.equals("xlsx")
                && !format.equals("pdf")) {
            throw FieldRuleException.invalid(Map.of("format", "must be json, xlsx or pdf"));
        }
        if ("pdf".equals(format)) {
            return pdf(report, region, year, user);
        }
        if ("xlsx".equals(format)) {
            return xlsx(report, region, year, user);
        }
        int pageValue = number("page", page, 0, 1_000_000);
        int sizeValue = number("size", size, 1, Guide.MAX_PAGE_SIZE);
        ReportRequest request = access.resolve(region, year, user);
        Instant now = clock.instant();
        return ResponseEntity.ok(build(report, request, pageValue, sizeValue, now));
    }

    /** The report as JSON, the workbook and the PDF show it; for the guide one page of its households. */
    private Report build(ReportName report, ReportRequest request, int page, int size, Instant now) {
        return switch (report) {
            case DISTRIBUTION -> distribution.report(request, now);
            case INCOME_TARGETS -> incomeTargets.report(request, now);
            case REDUCTION_TASKS -> reductionTasks.report(request, now);
            case PROJECTS_MAP -> maps.projects(request, now);
            case INCIDENCE_MAP -> maps.incidence(request, now);
            case GUIDE -> guide.report(request, page, size, now);
            case MONITORING -> monitoring.report(request, now);
            case INSPECTION_FINDINGS -> findings.report(request, now);
        };
    }

    @GetMapping("/{name}.pdf")
    public ResponseEntity<byte[]> printable(@PathVariable String name, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, Authentication user) {
        return pdf(ReportName.of(name).orElseThrow(() -> new ReportNotFoundException(name + ".pdf")), region, year,
                user);
    }

    /**
     * The PDF holds the guide's first {@link Guide#MAX_PAGE_SIZE} households (a county's tens of thousands would be
     * a thousand pages); it says so, and the Excel file holds them all.
     */
    private ResponseEntity<byte[]> pdf(ReportName report, String region, String year, Authentication user) {
        ReportRequest request = access.resolve(region, year, user);
        Report data = build(report, request, 0, Guide.MAX_PAGE_SIZE, clock.instant());
        List<String> notes = new ArrayList<>();
        if (report == ReportName.PROJECTS_MAP || report == ReportName.INCIDENCE_MAP) {
            notes.add("地图见报表网页 /reports/report.html?name=" + report.path() + "，此处打印地图所依据的数据表 / The map "
                    + "is on the report page; this is the table behind it.");
        }
        if (data.page() != null && data.page().total() > data.tables().get(0).rows().size()) {
            notes.add("仅打印前 " + data.tables().get(0).rows().size() + " 户，共 " + data.page().total()
                    + " 户；完整名单请下载 Excel / The first " + data.tables().get(0).rows().size() + " of "
                    + data.page().total() + " households; the Excel file holds all of them.");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline()
                .filename(report.path() + "-" + request.region().getCode() + "-" + request.year() + ".pdf").build());
        headers.setCacheControl(CacheControl.noStore());
        return ResponseEntity.ok().headers(headers).body(pdf.pdf(data, notes));
    }

    @GetMapping("/{name}.xlsx")
    public ResponseEntity<byte[]> excel(@PathVariable String name, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, Authentication user) {
        return xlsx(ReportName.of(name).orElseThrow(() -> new ReportNotFoundException(name + ".xlsx")), region, year,
                user);
    }

    private ResponseEntity<byte[]> xlsx(ReportName report, String region, String year, Authentication user) {
        ReportRequest request = access.resolve(region, year, user);
        Instant now = clock.instant();
        byte[] body = switch (report) {
            case DISTRIBUTION -> workbook.xlsx(distribution.report(request, now));
            case INCOME_TARGETS -> workbook.xlsx(incomeTargets.report(request, now));
            case REDUCTION_TASKS -> workbook.xlsx(reductionTasks.report(request, now));
            case PROJECTS_MAP -> workbook.xlsx(maps.projects(request, now));
            case INCIDENCE_MAP -> workbook.xlsx(maps.incidence(request, now));
            case GUIDE -> workbook.xlsx(guide.report(request, 0, 1, now), rows -> guide.all(request, rows));
            case MONITORING -> workbook.xlsx(monitoring.report(request, now));
            case INSPECTION_FINDINGS -> workbook.xlsx(findings.report(request, now));
        };
        return Spreadsheets.attachment(report.path() + "-" + request.region().getCode() + "-" + request.year() + ".xlsx",
                body);
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FieldRuleException.invalid(Map.of(field, "must be a whole number between " + min + " and " + max));
    }
}
