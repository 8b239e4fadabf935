package org.precisionaid.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.precisionaid.print.PdfSheet;
import org.precisionaid.print.PrintClock;
import org.precisionaid.print.PrintFont;
import org.precisionaid.print.PublicPrintLimiter;
import org.precisionaid.project.PublicProjectController.PublicProject;
import org.precisionaid.project.PublicProjectController.RegionProjects;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The project and fund disclosure of a county, township or village as an A4 PDF for its notice board (§17): built
 * from the same data as the public page /public/projects.html, so it shows exactly what the page shows — funds by
 * source, stage, outputs, households per village with their heads' names; no ID numbers, no phones.
 */
@RestController
public class DisclosurePdfController {

    static final String TITLE = "扶贫项目资金公示 / Disclosure of poverty-alleviation projects and funds";

    private final PublicProjectController disclosure;
    private final RegionService regions;
    private final PrintFont font;
    private final PrintClock clock;
    private final PublicPrintLimiter limiter;

    DisclosurePdfController(PublicProjectController disclosure, RegionService regions, PrintFont font,
            PrintClock clock, PublicPrintLimiter limiter) {
        this.limiter = limiter;
        this.disclosure = disclosure;
        this.regions = regions;
        this.font = font;
        this.clock = clock;
    }

    @GetMapping("/public/projects.pdf")
    public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String region,
            jakarta.servlet.http.HttpServletRequest http) {
        limiter.check(http.getRemoteAddr());
        String code = region == null ? "" : region.trim();
        if (!code.matches("\\d{12}") || code.startsWith("00")) {
            throw FieldRuleException.invalid(Map.of("region",
                    "must be the 12-digit code of a county, township or village, e.g. 654224000000"));
        }
        Region where = regions.get(code);
        if (where.getLevel().isAbove(RegionLevel.COUNTY)) {
            throw FieldRuleException.invalid(Map.of("region", "'" + code + "' is the code of a "
                    + where.getLevel().name().toLowerCase() + ", not of a county, township or village"));
        }
        RegionProjects projects = disclosure.projects(code);
        Region county = regions.get(where.code().ancestor(RegionLevel.COUNTY).value());
        String page = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/projects.html")
                .queryParam("region", code).build().toUriString();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline().filename("projects-" + code + ".pdf").build());
        headers.setCacheControl(CacheControl.noStore());
        return ResponseEntity.ok().headers(headers).body(render(projects, where, county, page));
    }

    private byte[] render(RegionProjects projects, Region where, Region county, String page) {
        try (PdfSheet sheet = new PdfSheet(font, TITLE + " · " + where.getNameZh(), where.label() + " · " + TITLE,
                PrintFont.Lane.PUBLIC)) {
            sheet.title("扶贫项目资金公示").centred("Disclosure of poverty-alleviation projects and funds", 12f).space(6f)
                    .centred(where.label() + "（" + where.getCode() + "）", 12f).space(6f)
                    .paragraph("按照扶贫资金项目公告公示制度，现将本地扶贫项目及资金安排、使用情况公示如下，接受群众监督。")
                    .paragraph("Under the rules for disclosing poverty-alleviation funds and projects, the projects here, "
                            + "their funds and how the money is used are disclosed below for public supervision.", 9.5f);
            List<PublicProject> list = projects.projects();
            if (list.isEmpty()) {
                sheet.space(6f).paragraph("目前没有公示的项目 / No project is disclosed here now.");
            }
            for (PublicProject p : list) {
                sheet.heading(p.projectNo() + " · " + p.name())
                        .paragraph(p.stageLabel() + " · " + p.type() + " · " + p.region() + " · 实施单位 / Implementing unit: "
                                + p.implementingUnit() + " · 进度 / Progress: " + p.progressPercent() + " %", 9.5f)
                        .paragraph("产出 / Outputs: " + String.join("；", p.outputs()), 9.5f);
                List<List<String>> funds = new ArrayList<>();
                p.funds().forEach(f -> funds.add(List.of(f.fundSourceLabel(), yuan(f.budget()), yuan(f.allocated()),
                        yuan(f.disbursed()))));
                funds.add(List.of("合计 / Total", yuan(p.total()), yuan(p.allocated()), yuan(p.disbursed())));
                sheet.table(new float[] {3, 1.4f, 1.4f, 1.4f},
                        List.of("资金来源 / Fund source", "预算（元） / Budget (yuan)", "已下达 / Allocated",
                                "已拨付 / Disbursed"), funds, false)
                        .table(new float[] {2, 1.3f, 4}, List.of("村 / Village", "受益户数 / Households",
                                "户主 / Heads of household"),
                                p.beneficiaries().stream().map(v -> List.of(v.village(), String.valueOf(v.households()),
                                        String.join("、", v.heads()))).toList(), false);
                if (p.takesObjections()) {
                    sheet.paragraph("公示截止 / Disclosure ends: " + clock.minute(p.disclosureEnds()) + "（"
                            + clock.zoneLabel() + "）", 9.5f);
                }
            }
            sheet.heading("异议与监督 / Objections")
                    .paragraph("对公示中的项目有异议，任何人均可提出 / Anyone may object to a project under disclosure:")
                    .paragraph("1. 网上提交 / Online: " + page)
                    .paragraph("2. 书面或当面向" + county.getNameZh() + "扶贫办提出 / In writing or in person at the "
                            + "poverty-alleviation office of " + county.getNameEn())
                    .paragraph("县扶贫办将调查并答复，异议答复前资金不予拨付。")
                    .paragraph("The county office investigates and answers; no money moves before the objection is "
                            + "answered.", 9.5f)
                    .space(8f)
                    .fields(List.of(
                            List.of("发布单位 / Issued by", county.getNameZh() + "扶贫办 / Poverty-alleviation office of "
                                    + county.getNameEn()),
                            List.of("截至 / As of", clock.minute(clock.now()) + "（" + clock.zoneLabel() + "）")));
            return sheet.toBytes();
        }
    }

    private static String yuan(BigDecimal amount) {
        return amount == null ? "" : new DecimalFormat("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
