package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.report.ReportFixtures.YEAR;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Printed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The reports as printable PDFs: an official of a township prints the distribution table and the guide of his
 * township, A4 landscape, and finds the title, his region and the figures of the JSON report in them; another
 * region, no login and a bad format are refused as for JSON and Excel.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPdfTest {

    static final String VILLAGE = "654224101201";   // 阿勒帕萨勒干村, Toli county
    static final String TOWNSHIP = "654224101000";
    static final String USER = "township.654224101";

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;
    @Autowired FundingStarter funding;
    @Autowired IdentityService identity;
    @Autowired RegionService regions;

    Household registered;

    @BeforeAll
    void aHouseholdInTheVillage() {
        registered = new ReportFixtures(households, assistance, accounts, funding, identity)
                .registered(VILLAGE, 14590, "DEVELOPMENT", "ILLNESS", YEAR);
    }

    @Test
    void theDistributionTablePrintsWithTheTitleTheRegionAndTheFiguresInParts() throws Exception {
        String query = "?region=" + TOWNSHIP + "&year=" + YEAR;
        JsonNode json = ReportFixtures.get(rest, USER, "/api/reports/distribution" + query);
        long villageHouseholds = ReportFixtures.number(json, "distribution", "code", VILLAGE, "registeredHouseholds");
        assertThat(villageHouseholds).isPositive();

        String text = text(USER, "/api/reports/distribution.pdf" + query, "distribution-" + TOWNSHIP + "-" + YEAR + ".pdf");
        String flat = text.replaceAll("\\s", "");
        assertThat(text).contains("贫困村和贫困人口分布表").contains("Distribution of poor villages and poor population")
                .contains(regions.get(TOWNSHIP).getNameZh()).contains(String.valueOf(YEAR)).contains("As of");
        assertThat(flat).as("the village's row with its name and code").contains(regions.get(VILLAGE).getNameZh())
                .contains(VILLAGE).contains("注/Note");
        assertThat(text).as("too wide for one page: printed in parts that say so").contains("part 1 of");
        assertThat(flat).as("the figures of the JSON report")
                .contains(ReportPdf.format(villageHouseholds, "integer"));

        assertThat(text(USER, "/api/reports/distribution" + query + "&format=pdf", null))
                .contains("贫困村和贫困人口分布表");
    }

    @Test
    void theGuidePrintsTheHouseholdsOfTheRegion() throws Exception {
        String flat = text(USER, "/api/reports/guide.pdf?region=" + TOWNSHIP + "&year=" + YEAR,
                "guide-" + TOWNSHIP + "-" + YEAR + ".pdf")
                .replaceAll("\\s", "");
        assertThat(flat).contains("扶贫明细手册").contains(regions.get(TOWNSHIP).getNameZh())
                .contains(registered.getApplicationNo()).contains("王建国");
    }

    @Test
    void aMapPrintsTheTableBehindItAndSaysTheMapIsOnThePage() throws Exception {
        String text = text(USER, "/api/reports/incidence-map.pdf?region=" + TOWNSHIP + "&year=" + YEAR, null);
        assertThat(text).contains("贫困发生率分布图").contains("The map is on the report page");
        assertThat(text.replaceAll("\\s", "")).as("the table behind the map: the township's row")
                .contains(regions.get(TOWNSHIP).getNameZh() + "/" + regions.get(TOWNSHIP).getNameEn().replace(" ", ""))
                .contains(TOWNSHIP);
    }

    @Test
    void anotherRegionNoLoginABadFormatAndAnUnknownReportAreRefused() {
        ResponseEntity<JsonNode> other = rest.withBasicAuth(USER, "demo")
                .getForEntity("/api/reports/distribution.pdf?region=654224102000", JsonNode.class);
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody().get("errors").get("region").asText()).contains("outside your region");
        assertThat(rest.withBasicAuth("county.654225", "demo")
                .getForEntity("/api/reports/guide.pdf?region=" + TOWNSHIP, JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.getForEntity("/api/reports/guide.pdf?region=" + TOWNSHIP, JsonNode.class).getStatusCode()
                .value()).isEqualTo(401);
        ResponseEntity<JsonNode> bad = rest.withBasicAuth(USER, "demo")
                .getForEntity("/api/reports/guide?format=docx", JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").get("format").asText()).contains("pdf");
        assertThat(rest.withBasicAuth(USER, "demo").getForEntity("/api/reports/poverty-ranking.pdf", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void wideTablesSplitIntoPartsRepeatingTheNameColumns() {
        var columns = new java.util.ArrayList<Report.Column>(java.util.List.of(Report.Column.text("code", "代码"),
                Report.Column.text("name", "名称")));
        for (int i = 0; i < 20; i++) {
            columns.add(Report.Column.integer("n" + i, "数 " + i));
        }
        var parts = ReportPdf.parts(columns);
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(p).startsWith(0, 1).hasSizeLessThanOrEqualTo(ReportPdf.MAX_COLUMNS));
        assertThat(parts.stream().mapToInt(p -> p.size() - 2).sum()).isEqualTo(20);
        assertThat(ReportPdf.format(new java.math.BigDecimal("1234.5"), "yuan")).isEqualTo("1,234.50");
        assertThat(ReportPdf.format(0.125, "percent")).isEqualTo("12.50%");
    }

    private String text(String user, String path, String filename) throws Exception {
        ResponseEntity<byte[]> answer = rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        if (filename != null) {
            assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo(filename);
        }
        if (filename != null) {
            Printed.save("report-" + filename.replace(".pdf", ""), answer.getBody());
        }
        try (PDDocument pdf = Loader.loadPDF(answer.getBody())) {
            PDPage first = pdf.getPage(0);
            assertThat(first.getMediaBox().getWidth()).as("landscape").isEqualTo(PDRectangle.A4.getHeight());
            return new PDFTextStripper().getText(pdf);
        }
    }
}
