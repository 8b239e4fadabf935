package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.report.ReportFixtures.YEAR;
import static org.precisionaid.report.ReportFixtures.get;
import static org.precisionaid.report.ReportFixtures.number;
import static org.precisionaid.report.ReportFixtures.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The reports as an official reads them: three households of one village (one left poverty this year, one is
 * covered by social assistance, one is overdue) and two projects change the figures of the village, its township and
 * its county by exactly what they are; the Excel files say the same; other regions and bad input are refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

    static final String VILLAGE = "654225101203";   // 恰勒根巴依库勒村, 吉也克镇, 裕民县
    static final String TOWNSHIP = "654225101000";
    static final String COUNTY = "654225000000";
    static final String TOWNSHIP_USER = "township.654225101";

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;
    @Autowired FundingStarter funding;
    @Autowired IdentityService identity;

    JsonNode distributionBefore;
    JsonNode tasksBefore;
    JsonNode incomeBefore;
    JsonNode distribution;
    JsonNode tasks;
    JsonNode income;
    Household exited;
    Household covered;
    Household overdue;
    String sheepProject;
    String roadProject;

    @BeforeAll
    void threeHouseholdsAndTwoProjects() {
        distributionBefore = get(rest, "county.654225", "/api/reports/distribution?region=" + COUNTY + "&year=" + YEAR);
        tasksBefore = get(rest, "county.654225", "/api/reports/reduction-tasks?region=" + COUNTY + "&year=" + YEAR);
        incomeBefore = get(rest, "county.654225", "/api/reports/income-targets?region=" + COUNTY + "&year=" + YEAR);

        ReportFixtures fixtures = new ReportFixtures(households, assistance, accounts, funding, identity);
        exited = fixtures.registered(VILLAGE, 14501, "DEVELOPMENT", "ILLNESS", YEAR);
        fixtures.exit(exited, YEAR);
        covered = fixtures.registered(VILLAGE, 14502, "SOCIAL_ASSISTANCE", "DISABILITY", YEAR + 1);
        overdue = fixtures.registered(VILLAGE, 14503, "DEVELOPMENT", "ILLNESS", YEAR);
        fixtures.wages(covered, YEAR, "30000");      // 7,500 yuan a person: above the county's target
        fixtures.wages(overdue, YEAR, "8000");       // 2,000 yuan a person: below the line
        sheepProject = fixtures.project(VILLAGE, "INDUSTRY", "恰勒根巴依库勒村养羊 / Qialegenbayikule sheep", true,
                List.of(covered.getApplicationNo()));
        roadProject = fixtures.project(VILLAGE, "ROADS", "恰勒根巴依库勒村道路 / Qialegenbayikule road", false,
                List.of(overdue.getApplicationNo()));

        distribution = get(rest, "county.654225", "/api/reports/distribution?region=" + COUNTY + "&year=" + YEAR);
        tasks = get(rest, "county.654225", "/api/reports/reduction-tasks?region=" + COUNTY + "&year=" + YEAR);
        income = get(rest, "county.654225", "/api/reports/income-targets?region=" + COUNTY + "&year=" + YEAR);
    }

    private long grew(JsonNode before, JsonNode after, String table, String key, String value, String column) {
        return number(after, table, key, value, column) - number(before, table, key, value, column);
    }

    @Test
    void theDistributionCountsTheVillagesHouseholdsPeopleCausesClassesAndExitsAndSumsThemUp() {
        for (String code : List.of(VILLAGE, TOWNSHIP, COUNTY)) {
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "registeredHouseholds"))
                    .as(code).isEqualTo(3);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "registeredPeople")).isEqualTo(12);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "poorHouseholds")).isEqualTo(2);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "poorPeople")).isEqualTo(8);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "development")).isEqualTo(1);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "socialAssistance")).isEqualTo(1);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "exitsInYear")).isEqualTo(1);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "exitsToDate")).isEqualTo(1);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "causeILLNESS")).isEqualTo(1);
            assertThat(grew(distributionBefore, distribution, "distribution", "code", code, "causeDISABILITY")).isEqualTo(1);
        }
        JsonNode village = row(distribution, "distribution", "code", VILLAGE);
        assertThat(village.get("name").asText()).isEqualTo("恰勒根巴依库勒村 / Qialegenbayikule Village");
        assertThat(village.get("level").asText()).isEqualTo("村 / Village");
        assertThat(village.get("poorVillages").asInt()).isEqualTo(1);
        // last year none of them had a file card yet
        JsonNode lastYear = get(rest, "county.654225", "/api/reports/distribution?region=" + VILLAGE + "&year=" + (YEAR - 1));
        assertThat(number(lastYear, "distribution", "code", VILLAGE, "registeredHouseholds"))
                .isEqualTo(number(distributionBefore, "distribution", "code", VILLAGE, "registeredHouseholds"));
        assertThat(distribution.get("region").get("code").asText()).isEqualTo(COUNTY);
        assertThat(distribution.get("tables").get(0).get("columns").get(8).get("label").asText())
                .isEqualTo("贫困发生率 / Poverty incidence");
    }

    @Test
    void incidenceIsThePoorOverTheAgriculturalPopulationOfTheVillageFiles() {
        // the demo keeps a village file for every village of Toli (VillageDemoData), none in Yumin
        JsonNode toli = get(rest, "county.654224", "/api/reports/distribution?region=654224000000&year=" + YEAR);
        int villagesWithFile = 0;
        for (JsonNode row : toli.get("tables").get(0).get("rows")) {
            // townships and residents' committees (社区, no village file) have no figure of their own here
            if (row.get("code").asText().endsWith("000") || !row.hasNonNull("agriculturalPopulation")) {
                continue;
            }
            villagesWithFile++;
            long agricultural = row.get("agriculturalPopulation").asLong();
            assertThat(agricultural).as(row.get("code").asText()).isPositive();
            assertThat(row.get("incidence").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
                    row.get("poorPeople").asLong()).divide(java.math.BigDecimal.valueOf(agricultural), 4,
                    java.math.RoundingMode.HALF_UP));
        }
        assertThat(villagesWithFile).isGreaterThan(10);
        assertThat(row(toli, "distribution", "code", "654224000000").get("agriculturalPopulation").asLong()).isPositive();
        assertThat(row(distribution, "distribution", "code", VILLAGE).hasNonNull("incidence")).isFalse();
    }

    @Test
    void theReductionTasksSetPlannedExitsAgainstAchievedOnesAndShowTheOverdueHousehold() {
        assertThat(grew(tasksBefore, tasks, "years", "year", String.valueOf(YEAR), "plannedHouseholds")).isEqualTo(2);
        assertThat(grew(tasksBefore, tasks, "years", "year", String.valueOf(YEAR), "plannedPeople")).isEqualTo(8);
        assertThat(grew(tasksBefore, tasks, "years", "year", String.valueOf(YEAR), "exitedHouseholds")).isEqualTo(1);
        assertThat(grew(tasksBefore, tasks, "years", "year", String.valueOf(YEAR), "exitedOnTime")).isEqualTo(1);
        assertThat(grew(tasksBefore, tasks, "years", "year", String.valueOf(YEAR + 1), "plannedHouseholds")).isEqualTo(1);
        assertThat(grew(tasksBefore, tasks, "regions", "code", VILLAGE, "plannedHouseholds")).isEqualTo(2);
        assertThat(grew(tasksBefore, tasks, "regions", "code", VILLAGE, "exitedHouseholds")).isEqualTo(1);
        assertThat(grew(tasksBefore, tasks, "regions", "code", VILLAGE, "overdue")).isEqualTo(1);
        assertThat(grew(tasksBefore, tasks, "regions", "code", TOWNSHIP, "overdue")).isEqualTo(1);
    }

    @Test
    void theIncomeTableMeasuresTheAccountsAgainstTheCountysTargetAndTheLine() {
        JsonNode village = row(income, "regions", "code", VILLAGE);
        assertThat(village.get("target").decimalValue()).isEqualByComparingTo("5200"); // demo/income-targets.csv
        assertThat(grew(incomeBefore, income, "regions", "code", VILLAGE, "households")).isEqualTo(2);
        assertThat(grew(incomeBefore, income, "regions", "code", VILLAGE, "people")).isEqualTo(8);
        assertThat(grew(incomeBefore, income, "regions", "code", VILLAGE, "atTarget")).isEqualTo(1);
        assertThat(grew(incomeBefore, income, "regions", "code", VILLAGE, "belowLine")).isEqualTo(1);
        if (number(incomeBefore, "regions", "code", VILLAGE, "households") == 0) {
            // (30,000 + 8,000) yuan over 8 people
            assertThat(village.get("actual").decimalValue()).isEqualByComparingTo("4750.00");
            assertThat(village.get("achievement").decimalValue()).isEqualByComparingTo("0.9135");
        }
        JsonNode thisYear = row(income, "years", "year", String.valueOf(YEAR));
        assertThat(thisYear.get("target").decimalValue()).isEqualByComparingTo("5200");
        assertThat(thisYear.get("targetSource").asText()).contains("county office");
        assertThat(thisYear.get("povertyLine").isNull()).isFalse();
        assertThat(grew(incomeBefore, income, "years", "year", String.valueOf(YEAR), "households")).isEqualTo(2);
    }

    @Test
    void theProjectMapPlacesBothProjectsByKindAndStageTheOneWithoutCoordinatesAtItsTownship() {
        JsonNode map = get(rest, TOWNSHIP_USER, "/api/reports/projects-map?year=" + YEAR);
        assertThat(map.get("region").get("code").asText()).isEqualTo(TOWNSHIP); // his own region by default
        assertThat(map.get("map").get("counties").get(0).asText()).isEqualTo("654225");
        assertThat(map.get("map").get("geo").asText()).isEqualTo("/reports/geo/tacheng-6542.geojson");
        JsonNode sheep = find(map.get("map").get("projects"), "projectNo", sheepProject);
        assertThat(sheep.get("category").asText()).isEqualTo("INDUSTRIAL");
        assertThat(sheep.get("stage").asText()).isEqualTo("申报审核中 / Under review");
        assertThat(sheep.get("households").asInt()).isEqualTo(1);
        assertThat(sheep.get("latitude").decimalValue()).isEqualByComparingTo("46.1");
        assertThat(sheep.get("placedBy").asText()).contains("project's coordinates");
        JsonNode road = find(map.get("map").get("projects"), "projectNo", roadProject);
        assertThat(road.get("category").asText()).isEqualTo("INFRASTRUCTURE");
        assertThat(road.get("placedBy").asText()).isEqualTo("乡镇位置 / township");
        assertThat(Math.abs(road.get("latitude").asDouble() - 46.20)).isLessThan(0.05); // 吉也克镇's point, spread
        JsonNode jiyeke = find(map.get("map").get("townships"), "code", TOWNSHIP);
        assertThat(jiyeke.get("name").asText()).startsWith("吉也克镇");
        assertThat(row(map, "projects", "projectNo", roadProject).get("region").asText()).startsWith("恰勒根巴依库勒村");
    }

    @Test
    void theIncidenceMapShadesTheCountyAndListsItsTownships() {
        JsonNode map = get(rest, "county.654225", "/api/reports/incidence-map?year=" + YEAR);
        assertThat(map.get("map").get("areas")).hasSize(1);
        assertThat(map.get("map").get("areas").get(0).get("county").asText()).isEqualTo("654225");
        assertThat(map.get("map").get("townshipFigures").toString()).contains(TOWNSHIP);
        assertThat(number(map, "incidence", "code", TOWNSHIP, "poorPeople"))
                .isEqualTo(number(distribution, "distribution", "code", TOWNSHIP, "poorPeople"));
    }

    @Test
    void theGuideNamesEachHouseholdsCadreUnitMeasuresProjectsAndIncomeButNoIdNumber() {
        JsonNode guide = get(rest, TOWNSHIP_USER, "/api/reports/guide?region=" + VILLAGE + "&year=" + YEAR + "&size=500");
        assertThat(guide.get("page").get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode c = row(guide, "households", "applicationNo", covered.getApplicationNo());
        assertThat(c.get("head").asText()).isEqualTo("王建国");
        assertThat(c.get("members").asInt()).isEqualTo(4);
        assertThat(c.get("cadre").asText()).startsWith("测试干部");
        assertThat(c.get("unit").asText()).startsWith("测试单位");
        assertThat(c.get("classification").asText()).isEqualTo("社会保障兜底 / Social-assistance cover");
        assertThat(c.get("supportMeasures").asText()).contains("livestock");
        assertThat(c.get("projects").asText()).contains(sheepProject).contains("3000");
        assertThat(c.get("income" + YEAR).decimalValue()).isEqualByComparingTo("7500.00");
        assertThat(c.hasNonNull("income" + (YEAR - 1))).isFalse(); // no account last year
        JsonNode e = row(guide, "households", "applicationNo", exited.getApplicationNo());
        assertThat(e.get("exitYear").asInt()).isEqualTo(YEAR);
        assertThat(e.get("status").asText()).isEqualTo("已脱贫 / Exited");
        String text = guide.toString();
        assertThat(text).doesNotContain(org.precisionaid.support.Applications.eligible(VILLAGE, 14502).members().get(0)
                .idNumber()).doesNotContain("13912345678");

        JsonNode page = get(rest, TOWNSHIP_USER, "/api/reports/guide?region=" + VILLAGE + "&year=" + YEAR + "&size=1&page=1");
        assertThat(page.get("tables").get(0).get("rows")).hasSize(1);
        assertThat(page.get("page").get("page").asInt()).isEqualTo(1);
    }

    @Test
    void eachReportIsAnExcelFileWithItsHeadersAndTheSameFigures() throws Exception {
        for (ReportName name : ReportName.values()) {
            String query = "?region=" + TOWNSHIP + "&year=" + YEAR;
            String path = name == ReportName.DISTRIBUTION ? "/api/reports/" + name.path() + query + "&format=xlsx"
                    : "/api/reports/" + name.path() + ".xlsx" + query;
            ResponseEntity<byte[]> answer = rest.withBasicAuth(TOWNSHIP_USER, "demo").getForEntity(path, byte[].class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(answer.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo(name.path() + "-" + TOWNSHIP + "-" + YEAR + ".xlsx");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(name.title());
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(TOWNSHIP).contains("吉也克镇")
                        .contains(String.valueOf(YEAR));
                JsonNode json = get(rest, TOWNSHIP_USER, "/api/reports/" + name.path() + query);
                JsonNode columns = json.get("tables").get(0).get("columns");
                for (int c = 0; c < columns.size(); c++) {
                    assertThat(sheet.getRow(ReportWorkbook.HEADER_ROW).getCell(c).getStringCellValue())
                            .isEqualTo(columns.get(c).get("label").asText());
                }
                if (name == ReportName.DISTRIBUTION) {
                    Row village = rowOf(sheet, 1, VILLAGE);
                    assertThat((long) village.getCell(3).getNumericCellValue())
                            .isEqualTo(number(distribution, "distribution", "code", VILLAGE, "registeredHouseholds"));
                    assertThat(village.getCell(2).getStringCellValue()).isEqualTo("恰勒根巴依库勒村 / Qialegenbayikule Village");
                }
                if (name == ReportName.GUIDE) {
                    for (Household h : List.of(exited, covered, overdue)) {
                        assertThat(rowOf(sheet, 0, h.getApplicationNo()).getCell(2).getStringCellValue())
                                .isEqualTo("王建国");
                    }
                }
            }
        }
    }

    @Test
    void anotherRegionIsForbiddenBadInputNamesTheFieldAndAnUnknownReportIsNotFound() {
        ResponseEntity<JsonNode> other = rest.withBasicAuth(TOWNSHIP_USER, "demo")
                .getForEntity("/api/reports/distribution?region=654225100000", JsonNode.class);
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody().get("errors").get("region").asText()).contains("outside your region");
        ResponseEntity<JsonNode> above = rest.withBasicAuth(TOWNSHIP_USER, "demo")
                .getForEntity("/api/reports/guide.xlsx?region=" + COUNTY, JsonNode.class);
        assertThat(above.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> otherCounty = rest.withBasicAuth("county.654224", "demo")
                .getForEntity("/api/reports/projects-map?region=" + VILLAGE, JsonNode.class);
        assertThat(otherCounty.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> cadre = rest.withBasicAuth("cadre.654225.01", "demo")
                .getForEntity("/api/reports/distribution", JsonNode.class);
        assertThat(cadre.getStatusCode().value()).isEqualTo(403);

        assertThat(badRequest("/api/reports/distribution?region=6542", "region")).contains("12-digit");
        assertThat(badRequest("/api/reports/distribution?region=654225999999", "region")).contains("not a known region");
        assertThat(badRequest("/api/reports/income-targets?year=26", "year")).contains("four digits");
        assertThat(badRequest("/api/reports/reduction-tasks?year=1999", "year")).contains("between 2000");
        assertThat(badRequest("/api/reports/guide?size=501", "size")).contains("between 1 and 500");
        assertThat(badRequest("/api/reports/distribution?format=csv", "format")).contains("json, xlsx or pdf");

        ResponseEntity<JsonNode> unknown = rest.withBasicAuth(TOWNSHIP_USER, "demo")
                .getForEntity("/api/reports/poverty-ranking", JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("type").asText()).endsWith("/unknown-report");
        assertThat(unknown.getBody().get("detail").asText()).contains("distribution").contains("guide");
        assertThat(rest.getForEntity("/api/reports/distribution", JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theIndexOffersTheReportsAndOnlyTheCallersRegions() {
        JsonNode index = get(rest, TOWNSHIP_USER, "/api/reports");
        assertThat(index.get("reports")).hasSize(8); // the plan's six, the monitoring table and the inspection findings
        assertThat(index.get("regions")).hasSize(13); // the township and its twelve villages
        assertThat(index.get("regions").get(0).get("code").asText()).isEqualTo(TOWNSHIP);
        assertThat(index.get("thisYear").asInt()).isEqualTo(YEAR);
    }

    private String badRequest(String path, String field) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth("county.654225", "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(answer.getBody().get("errors").has(field)).as(path + " names " + field).isTrue();
        return answer.getBody().get("errors").get(field).asText();
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(key).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + key + "=" + value + " in " + array);
    }

    private static Row rowOf(Sheet sheet, int column, String value) {
        for (Row row : sheet) {
            if (row.getCell(column) != null && value.equals(row.getCell(column).toString())) {
                return row;
            }
        }
        throw new AssertionError(value + " not in column " + column + " of " + sheet.getSheetName());
    }
}
