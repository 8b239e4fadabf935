package org.precisionaid.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.support.Applications;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Printed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The public notice printed for the village board: read back from the PDF as a person would read the paper. */
@IntegrationTest
class NoticePdfTest {

    /** 阿克开乃热村, 庙尔沟镇, 托里县: few other tests announce here, so the sheet stays short. */
    static final String VILLAGE = "654224102202";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired HouseholdService households;
    @Autowired HouseholdRepository repository;
    @Autowired RegionService regions;
    @Autowired AssistanceService assistance;

    @Test
    void anyoneGetsTheA4NoticeWithTheHouseholdsMaskedIdsPeriodAndWhereToObject() throws IOException {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        long seed = 14001;
        String applicationNo = flows.applyOverRest(VILLAGE, seed);
        flows.approveToAnnouncement(VILLAGE, applicationNo);
        ApplicationForm form = Applications.eligible(VILLAGE, seed);
        String headId = form.members().get(0).idNumber();

        ResponseEntity<byte[]> response = rest.getForEntity("/public/notices.pdf?village=" + VILLAGE, byte[].class);

        assertThat(response.getStatusCode()).as("no login needed").isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Printed.save("notice-" + VILLAGE, response.getBody());
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            PDPage first = pdf.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(first.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            PDFont font = first.getResources().getFont(first.getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the CJK font travels with the file").isTrue();

            String text = new PDFTextStripper().getText(pdf);
            Region village = regions.get(VILLAGE);
            Region township = regions.get(VILLAGE.substring(0, 9) + "000");
            Region county = regions.get(VILLAGE.substring(0, 6) + "000000");
            assertThat(text).contains("贫困户识别公示").contains(village.getNameZh()).contains(township.getNameZh())
                    .contains(county.getNameZh()).contains(village.getNameEn());
            assertThat(text).contains(applicationNo).contains("王建国").contains(ResidentId.mask(headId))
                    .contains("Identification");   // the kind of notice, in its own column
            assertThat(text).as("full ID numbers, phones and other members stay off the board")
                    .doesNotContain(headId).doesNotContain(form.phone()).doesNotContain("阿依古丽").doesNotContain("李秀英");
            for (var member : form.members()) {
                assertThat(text).doesNotContain(member.idNumber());
            }

            Instant starts = households.history(applicationNo).stream().filter(c -> c.getStatus() == Status.ANNOUNCED)
                    .reduce((a, b) -> b).orElseThrow().getAt();
            Instant ends = households.get(applicationNo).getNoticeEnds();
            assertThat(text).as("notice period").contains(DATE.format(starts) + " 至").contains(MINUTE.format(ends));
            assertThat(text).contains("/public/notices.html?village=" + VILLAGE)
                    .contains(township.getNameZh() + "人民政府").contains("异议 / Objections")
                    .contains("发布单位 / Issued by").contains(county.getNameZh() + "扶贫办")
                    .contains("名单截至 / List as of").contains("北京时间");
        }
    }

    @Test
    void proposedExitsAreOnTheBoardWithTheirPeriodAndTheYearsExitsAreAnnounced() throws IOException {
        String village = "654224102201";   // 萨尔喀木斯村, 庙尔沟镇
        Household leaving = registered(village, 14201);
        Instant ends = Instant.now().plus(java.time.Duration.ofDays(7));
        households.publishExitNotice(leaving.getId(), ends, "village." + village);
        Household left = registered(village, 14202);
        households.exit(left.getId(), java.time.Year.now().getValue(), "人均纯收入稳定超过贫困线 / income stably above the line",
                "county.654224");

        byte[] pdf = rest.getForEntity("/public/notices.pdf?village=" + village, byte[].class).getBody();
        Printed.save("notice-exits-" + village, pdf);
        String text = Printed.text(pdf);
        assertThat(text).contains("拟脱贫退出").contains("Proposed exit").contains(leaving.getApplicationNo())
                .contains(MINUTE.format(ends));
        assertThat(text).contains("脱贫户公告 / Households that left poverty this year").contains(left.getApplicationNo());
        for (Household household : List.of(leaving, left)) {
            String id = households.view(household.getApplicationNo()).members().get(0).idNumber();
            assertThat(text).contains(ResidentId.mask(id)).doesNotContain(id);
        }
    }

    private Household registered(String village, long seed) {
        Household household = households.submit(Applications.eligible(village, seed), "clerk." + village);
        households.classify(household.getId(), "DEVELOPMENT", "test");
        households.register(household.getId(), "养殖扶持 / livestock support", java.time.Year.now().getValue() + 1,
                "township." + village.substring(0, 9));
        // as registration does it: never a registered household without a cadre (CadreApiTest checks all of them)
        assistance.pairAtRegistration(household.getId(),
                Cadres.fresh(assistance, village.substring(0, 6), CadreRank.STAFF), "township." + village.substring(0, 9));
        return households.get(household.getApplicationNo());
    }

    @Test
    void aVillageWithNobodyOnNoticeSaysSo() throws IOException {
        String quiet = "654225101204";
        assertThat(repository.findByVillageCodeAndStatusOrderByApplicationNo(quiet, Status.ANNOUNCED)).isEmpty();
        ResponseEntity<byte[]> response = rest.getForEntity("/public/notices.pdf?village=" + quiet, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("目前没有公示中的农户")
                    .contains(regions.get(quiet).getNameZh());
        }
    }

    @Test
    void aBadVillageCodeIsAProblemNamingTheField() {
        for (String bad : new String[] {"abc", "65422410220", "654224102000", "000000000000", ""}) {
            ResponseEntity<JsonNode> response = rest.getForEntity("/public/notices.pdf?village=" + bad, JsonNode.class);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("errors").get("village").asText()).as(bad).isNotBlank();
        }
        assertThat(rest.getForEntity("/public/notices.pdf?village=654224102000", JsonNode.class).getBody()
                .get("errors").get("village").asText()).contains("township").contains("not of a village");
        ResponseEntity<JsonNode> missing = rest.getForEntity("/public/notices.pdf", JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").get("village").asText()).contains("12-digit");
    }

    @Test
    void anUnknownVillageIsNotFound() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/public/notices.pdf?village=654224102299", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("title").asText()).contains("Unknown region");
    }

    @Test
    void thePublicPageLinksToThePrintableNotice() {
        String page = rest.getForObject("/public/notices.html", String.class);
        assertThat(page).contains("打印 / Print (PDF)").contains("<script src=\"notices.js\">");
        assertThat(rest.getForObject("/public/notices.js", String.class))
                .contains("'notices.pdf?village=' + encodeURIComponent(");
    }
}
