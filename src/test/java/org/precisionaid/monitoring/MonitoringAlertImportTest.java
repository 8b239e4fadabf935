package org.precisionaid.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.monitoring.MonitoringAlert.Department;
import org.precisionaid.monitoring.MonitoringAlert.Kind;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.precisionaid.support.Projects.Family;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The county office of 裕民县 uploads a department's alert list; its matching households start monitoring cases. */
@IntegrationTest
class MonitoringAlertImportTest {

    static final String VILLAGE = "654225101206";        // 库木托别村, 裕民县: no other test uses it
    static final String COUNTY_OFFICE = "county.654225";
    static final String TOLI_VILLAGE = "654224101201";
    static final String TOLI_OFFICE = "county.654224";
    /** People no other test has (see Applications.eligible). */
    private static final java.util.concurrent.atomic.AtomicLong SEED = new java.util.concurrent.atomic.AtomicLong(960_000);

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired org.precisionaid.assistance.AssistanceService assistance;
    @Autowired MonitoringStarter starter;
    @Autowired MonitoringService monitoring;
    @Autowired MonitoringCaseRepository cases;
    @Autowired MonitoringAlertRepository alerts;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    private Family registered(String village) {
        return Projects.registeredFamily(households, assistance, village, SEED.getAndIncrement());
    }

    @Test
    void theTemplateHasBilingualHeadersAndADropDownOfTheKinds() throws IOException {
        ResponseEntity<byte[]> response = rest.withBasicAuth(COUNTY_OFFICE, "demo")
                .getForEntity("/api/monitoring/alerts/import-template", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = book.getSheet("预警 Alerts");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("身份证号 / ID number");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("预警类型 / Kind of alert");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("金额（元） / Amount (yuan)");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("日期 / Date");
            List<String> lists = new ArrayList<>();
            for (DataValidation validation : sheet.getDataValidations()) {
                lists.add(validation.getRegions().getCellRangeAddress(0).formatAsString() + " "
                        + validation.getValidationConstraint().getFormula1());
            }
            assertThat(lists).singleElement().satisfies(v -> assertThat(v).startsWith("B2:B").contains("'代码 Codes'!$A$1:$A$5"));
            assertThat(book.isSheetHidden(book.getSheetIndex("代码 Codes"))).isTrue();
            assertThat(book.getSheet("代码 Codes").getRow(3).getCell(0).getStringCellValue()).isEqualTo("死亡 / A death");
        }
        assertThat(rest.withBasicAuth("township.654225101", "demo")
                .getForEntity("/api/monitoring/alerts/import-template", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFileWithMalformedRowsStartsNothingAndNamesEachRowAndColumn() throws IOException {
        Family household = registered(VILLAGE);
        String badCheck = household.idNumber(0).substring(0, 17) + (household.idNumber(0).charAt(17) == '1' ? "2" : "1");
        byte[] file = file(
                new Object[] {household.idNumber(1), "死亡 / A death", null, LocalDate.now().minusDays(3).toString()},
                new Object[] {badCheck, "DEATH", null, LocalDate.now().toString()},
                new Object[] {household.idNumber(2), "下岗", 100, LocalDate.now().toString()},
                new Object[] {household.idNumber(3), "灾害损失", -5, LocalDate.now().toString()},
                new Object[] {household.idNumber(0), "UNEMPLOYMENT", null, LocalDate.now().plusDays(2).toString()});
        long alertsBefore = alerts.count();

        ResponseEntity<JsonNode> response = upload(COUNTY_OFFICE, file, "MEDICAL_INSURANCE");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("type").asText()).endsWith("/alert-import");
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).hasSize(4);
        assertThat(cell(errors, 0)).isEqualTo("3 A 身份证号 / ID number");
        assertThat(errors.get(0).get("rule").asText()).contains("check character");
        assertThat(cell(errors, 1)).isEqualTo("4 B 预警类型 / Kind of alert");
        assertThat(errors.get(1).get("rule").asText()).contains("'下岗'").contains("is not a kind of alert");
        assertThat(cell(errors, 2)).isEqualTo("5 C 金额（元） / Amount (yuan)");
        assertThat(errors.get(2).get("rule").asText()).contains("must not be negative");
        assertThat(cell(errors, 3)).isEqualTo("6 D 日期 / Date");
        assertThat(errors.get(3).get("rule").asText()).contains("future");
        // the good first row started nothing either
        assertThat(monitoring.openCaseOf(household.household().getId())).isEmpty();
        assertThat(alerts.count()).isEqualTo(alertsBefore);

        ResponseEntity<JsonNode> header = upload(COUNTY_OFFICE, workbook(new String[] {"ID", "Kind", "Amount", "Date"}),
                "MEDICAL_INSURANCE");
        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cell(header.getBody().get("errors"), 0)).isEqualTo("1 A 身份证号 / ID number");
        ResponseEntity<JsonNode> notExcel = upload(COUNTY_OFFICE, "id,kind\n1,2".getBytes(), "MEDICAL_INSURANCE");
        assertThat(notExcel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notExcel.getBody().get("errors").get(0).get("rule").asText()).contains("not an .xlsx workbook");
    }

    @Test
    void matchingHouseholdsStartCasesWithChannelDepartmentAndEveryOtherRowIsReportedByRow() throws IOException {
        Family first = registered(VILLAGE);
        Family second = registered(VILLAGE);
        Family open = registered(VILLAGE);
        Family toli = registered(TOLI_VILLAGE);
        MonitoringCase openBefore = starter.open(open.household().getId(), Channel.CLERK, "村文书发现 / found", "test")
                .monitoringCase();
        String nobody = Applications.idNumber("19700101", true);
        String yesterday = LocalDate.now().minusDays(1).toString();

        String earlier = slashed(LocalDate.now().minusDays(10));
        ResponseEntity<JsonNode> response = upload(COUNTY_OFFICE, file(
                new Object[] {first.idNumber(0), "大额医疗支出 / Large medical expenses", 35000.5, yesterday}, // row 2
                new Object[] {second.idNumber(1), "DISASTER_LOSS", "12,000", earlier},     // row 3
                new Object[] {second.idNumber(2), "失业", null, yesterday},                // row 4: the same household
                new Object[] {open.idNumber(0), "退出低保", null, yesterday},              // row 5: a case is open
                new Object[] {nobody, "死亡", null, yesterday},                           // row 6: nobody
                new Object[] {toli.idNumber(0), "死亡", null, yesterday},                 // row 7: another county
                new Object[] {first.idNumber(0), "DEATH", null, yesterday}), "MEDICAL_INSURANCE"); // row 8: again

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("rows").asInt()).isEqualTo(7);
        assertThat(rows(body.get("started"))).containsExactly(2, 3);
        assertThat(rows(body.get("alreadyOpen"))).containsExactly(4, 5);
        assertThat(rows(body.get("unmatched"))).containsExactly(6, 7);
        assertThat(rows(body.get("duplicate"))).containsExactly(8);
        assertThat(body.get("duplicate").get(0).get("note").asText()).contains("row 2");
        // an unmatched row says the same whether the person lives in another county (row 7) or nowhere (row 6)
        assertThat(body.get("unmatched").get(0).get("note").asText()).isEqualTo(body.get("unmatched").get(1).get("note").asText());
        assertThat(body.toString()).doesNotContain(first.idNumber(0)).doesNotContain(toli.idNumber(0)).doesNotContain(nobody);

        MonitoringCase started = monitoring.find(body.get("started").get(0).get("caseNo").asText()).orElseThrow();
        assertThat(started.getHouseholdId()).isEqualTo(first.household().getId());
        assertThat(started.getChannel()).isEqualTo(Channel.DEPARTMENT);
        assertThat(started.getVillageCode()).isEqualTo(VILLAGE);
        assertThat(started.getReport()).contains("医疗保障局").contains("大额医疗支出").contains("35000.50");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.getCaseNo()).count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(started.getCaseNo())
                .taskDefinitionKey("householdCheck").taskCandidateGroup("clerk-" + VILLAGE).count()).isOne();
        assertThat(alerts.findByMonitoringCaseIdOrderById(started.getId())).singleElement().satisfies(alert -> {
            assertThat(alert.getDepartment()).isEqualTo(Department.MEDICAL_INSURANCE);
            assertThat(alert.getKind()).isEqualTo(Kind.LARGE_MEDICAL_EXPENSES);
            assertThat(alert.getAmount()).isEqualByComparingTo("35000.50");
            assertThat(alert.getAlertDate()).isEqualTo(LocalDate.now().minusDays(1));
            assertThat(alert.isOpenedCase()).isTrue();
            assertThat(alert.getFileRow()).isEqualTo(2);
        });
        // the second household: one case, both of its rows' alerts with it
        MonitoringCase secondCase = monitoring.openCaseOf(second.household().getId()).orElseThrow();
        assertThat(body.get("alreadyOpen").get(0).get("caseNo").asText()).isEqualTo(secondCase.getCaseNo());
        assertThat(alerts.findByMonitoringCaseIdOrderById(secondCase.getId())).extracting(MonitoringAlert::getKind,
                MonitoringAlert::isOpenedCase).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.DISASTER_LOSS, true),
                        org.assertj.core.groups.Tuple.tuple(Kind.UNEMPLOYMENT, false));
        // the household with an open case keeps it, the alert attached
        assertThat(cases.findByHouseholdIdOrderById(open.household().getId())).singleElement()
                .extracting(MonitoringCase::getCaseNo).isEqualTo(openBefore.getCaseNo());
        assertThat(alerts.findByMonitoringCaseIdOrderById(openBefore.getId())).singleElement()
                .satisfies(alert -> assertThat(alert.getKind()).isEqualTo(Kind.SUBSISTENCE_LOST));
        // nobody of Toli got a case
        assertThat(cases.findByHouseholdIdOrderById(toli.household().getId())).isEmpty();
    }

    @Test
    void onlyTheCountyOfficeImportsAndOnlyForItsOwnCounty() throws IOException {
        Family yumin = registered(VILLAGE);
        byte[] file = file(new Object[] {yumin.idNumber(0), "DEATH", null, LocalDate.now().toString()});

        assertThat(upload("township.654225101", file, "CIVIL_AFFAIRS").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> otherCounty = upload(TOLI_OFFICE, file, "CIVIL_AFFAIRS", "654225000000");
        assertThat(otherCounty.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherCounty.getBody().get("errors").get("county").asText()).contains("not your county");
        // Toli's office with Yumin's people: unmatched, nothing started, nothing said about where they live
        ResponseEntity<JsonNode> unmatched = upload(TOLI_OFFICE, file, "CIVIL_AFFAIRS");
        assertThat(unmatched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rows(unmatched.getBody().get("unmatched"))).containsExactly(2);
        assertThat(unmatched.getBody().get("startedCount").asInt()).isZero();
        assertThat(monitoring.openCaseOf(yumin.household().getId())).isEmpty();

        ResponseEntity<JsonNode> noDepartment = upload(COUNTY_OFFICE, file, null);
        assertThat(noDepartment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDepartment.getBody().get("errors").get("department").asText()).contains("is required");
        assertThat(upload(COUNTY_OFFICE, file, "BANK").getBody().get("errors").get("department").asText())
                .contains("must be one of");
        assertThat(monitoring.openCaseOf(yumin.household().getId())).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A date as a county office may type it: 2026/1/5. */
    private static String slashed(LocalDate date) {
        return date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
    }

    private static String cell(JsonNode errors, int index) {
        JsonNode e = errors.get(index);
        return e.get("row").asInt() + " " + e.get("column").asText() + " " + e.get("header").asText();
    }

    private static List<Integer> rows(JsonNode outcomes) {
        List<Integer> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.add(o.get("row").asInt()));
        return rows;
    }

    static byte[] file(Object[]... rows) throws IOException {
        return workbook(new String[] {"身份证号 / ID number", "预警类型 / Kind of alert", "金额（元） / Amount (yuan)",
                "日期 / Date"}, rows);
    }

    private static byte[] workbook(String[] header, Object[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("预警 Alerts");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private ResponseEntity<JsonNode> upload(String user, byte[] file, String department) {
        return upload(user, file, department, null);
    }

    private ResponseEntity<JsonNode> upload(String user, byte[] file, String department, String county) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "alerts.xlsx";
            }
        });
        if (department != null) {
            parts.add("department", department);
        }
        if (county != null) {
            parts.add("county", county);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/monitoring/alerts/import",
                new HttpEntity<>(parts, headers), JsonNode.class);
    }
}
