package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.precisionaid.monitoring.MonitoringCase;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.monitoring.MonitoringService;
import org.precisionaid.monitoring.MonitoringStarter;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Projects;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The monitoring table of a village, its township and county: as JSON, Excel and PDF, for officials of the region. */
@IntegrationTest
class MonitoringTableTest {

    static final String VILLAGE = "654225101207";   // 库萨克南村, 裕民县: no other test uses it
    static final String TOWNSHIP = "654225101000";
    static final String COUNTY_OFFICE = "county.654225";

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired org.precisionaid.assistance.AssistanceService assistance;
    @Autowired MonitoringStarter starter;
    @Autowired MonitoringService monitoring;

    private long seed = 970_000;

    private Household registered() {
        return Projects.registeredFamily(households, assistance, VILLAGE, seed++).household();
    }

    @Test
    void aRegionsCasesByStateCategoryChannelMeasureAndYearAsJsonExcelAndPdf() throws Exception {
        int year = LocalDate.now(ReportRequest.CHINA).getYear();
        // supported: monitored as unstable, with two measures
        MonitoringCase supported = starter.open(registered().getId(), Channel.CLERK, "发现 / found", "test").monitoringCase();
        monitoring.checked(supported.getId(), "UNSTABLE", false, "test");
        monitoring.identified(supported.getId(), "test");
        monitoring.plan(supported.getId(), List.of("HEALTH", "EMPLOYMENT"), "医疗救助、公益岗位 / medical aid, a public job", "test");
        // undecided beyond its time limit
        MonitoringCase late = starter.open(registered().getId(), Channel.DEPARTMENT, "部门预警 / alert", "test").monitoringCase();
        monitoring.flagOverdue(late.getId());
        // marginal, then its risk eliminated this year
        MonitoringCase done = starter.open(registered().getId(), Channel.DEPARTMENT, "部门预警 / alert", "test").monitoringCase();
        monitoring.checked(done.getId(), "MARGINAL", false, "test");
        monitoring.identified(done.getId(), "test");
        monitoring.eliminated(done.getId(), "test");

        String query = "?region=" + VILLAGE + "&year=" + year;
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(COUNTY_OFFICE, "demo")
                .getForEntity("/api/reports/monitoring" + query, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();
        assertThat(report.get("title").asText()).isEqualTo("防返贫监测统计表 / Return-to-poverty monitoring table");
        JsonNode village = report.get("tables").get(0).get("rows").get(0);
        assertThat(village.get("code").asText()).isEqualTo(VILLAGE);
        assertThat(village.get("openCases").asLong()).isEqualTo(2);
        assertThat(village.get("reported").asLong()).isEqualTo(1);
        assertThat(village.get("monitored").asLong()).isEqualTo(1);
        assertThat(village.get("unstable").asLong()).isEqualTo(1);
        assertThat(village.get("marginal").asLong()).isZero();      // its risk is eliminated: no longer open
        assertThat(village.get("overdue").asLong()).isEqualTo(1);
        assertThat(village.get("withMeasures").asLong()).isEqualTo(1);
        assertThat(village.get("openedInYear").asLong()).isEqualTo(3);
        assertThat(village.get("eliminatedInYear").asLong()).isEqualTo(1);
        JsonNode channels = report.get("tables").get(1).get("rows");
        assertThat(row(channels, "channel", "部门预警 / Department alert").get("openedInYear").asLong()).isEqualTo(2);
        assertThat(row(channels, "channel", "部门预警 / Department alert").get("openCases").asLong()).isEqualTo(1);
        assertThat(row(channels, "channel", "村文书发现 / Found by the village clerk").get("openCases").asLong()).isEqualTo(1);
        JsonNode measures = report.get("tables").get(2).get("rows");
        assertThat(row(measures, "measure", "健康帮扶（医疗） / Medical").get("openCases").asLong()).isEqualTo(1);
        assertThat(row(measures, "measure", "产业帮扶 / Industry").get("openCases").asLong()).isZero();
        // the township's row counts its villages, this one among them
        JsonNode township = get("/api/reports/monitoring?region=" + TOWNSHIP + "&year=" + year).get("tables").get(0)
                .get("rows").get(0);
        assertThat(township.get("code").asText()).isEqualTo(TOWNSHIP);
        assertThat(township.get("eliminatedInYear").asLong()).isGreaterThanOrEqualTo(1);
        // last year none of them was opened or eliminated
        JsonNode lastYear = get("/api/reports/monitoring?region=" + VILLAGE + "&year=" + (year - 1)).get("tables").get(0)
                .get("rows").get(0);
        assertThat(lastYear.get("openedInYear").asLong()).isZero();
        assertThat(lastYear.get("openCases").asLong()).isZero();

        ResponseEntity<byte[]> excel = rest.withBasicAuth(COUNTY_OFFICE, "demo")
                .getForEntity("/api/reports/monitoring.xlsx" + query, byte[].class);
        assertThat(excel.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getBody()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(ReportWorkbook.HEADER_ROW).getCell(3).getStringCellValue())
                    .isEqualTo("在监测户数 / Open cases");
            Row first = sheet.getRow(ReportWorkbook.HEADER_ROW + 1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(VILLAGE);
            assertThat((long) first.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat((long) first.getCell(9).getNumericCellValue()).isEqualTo(1); // overdue
        }

        ResponseEntity<byte[]> pdf = rest.withBasicAuth(COUNTY_OFFICE, "demo")
                .getForEntity("/api/reports/monitoring.pdf" + query, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Return-to-poverty monitoring table").contains(VILLAGE).contains("Open cases")
                    .contains("Department alert");
        }
    }

    @Test
    void anotherCountysOfficialSeesNothingOfIt() {
        for (String path : List.of("/api/reports/monitoring", "/api/reports/monitoring.xlsx", "/api/reports/monitoring.pdf")) {
            ResponseEntity<String> refused = rest.withBasicAuth("county.654224", "demo")
                    .getForEntity(path + "?region=" + VILLAGE, String.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).as(path).doesNotContain("openCases");
        }
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(COUNTY_OFFICE, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (row.get(key).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + " = " + value + " in " + rows);
    }
}
