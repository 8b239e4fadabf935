package org.precisionaid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The year-end scoring of Toli county over REST, on households, accounts, ledgers and objections made here: a cadre
 * whose one household missed its exit is capped below "excellent" and his unit below "good"; a clean one is excellent.
 */
@IntegrationTest
class ScoringApiTest {

    static final int YEAR = LocalDate.now().getYear();
    static final String COUNTY = Villages.COUNTY + "000000";
    static final String RUN = "/api/assessment/scoring?county=" + COUNTY + "&year=" + YEAR;
    static final AtomicLong OBJECTION_IDS = new AtomicLong(9_150_000);

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts incomes;
    @Autowired JdbcTemplate jdbc;

    static long missedCadre;
    static long cleanCadre;
    static long idleCadre;

    @BeforeEach
    synchronized void pairedHouseholds() {
        if (missedCadre != 0) {
            return;
        }
        String village = Villages.fresh(regions, officials);
        // five households due this year, four of them exited on schedule, one not: the poverty task failed
        missedCadre = Cadres.fresh(assistance, Villages.COUNTY, CadreRank.STAFF);
        List<Household> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(Villages.paired(households, assistance, village, YEAR, missedCadre));
        }
        for (int i = 0; i < 4; i++) {
            households.exit(missed.get(i).getId(), YEAR, "收入稳定超过贫困线 / income stably above the line", "test");
        }
        income(missed.get(0), 600_000, 700_000);
        visits(missedCadre, missed, 12);
        // one household due and exited; income up; visited monthly
        cleanCadre = Cadres.fresh(assistance, Villages.COUNTY, CadreRank.STAFF);
        Household clean = Villages.paired(households, assistance, village, YEAR, cleanCadre);
        households.exit(clean.getId(), YEAR, "收入稳定超过贫困线 / income stably above the line", "test");
        income(clean, 800_000, 880_000);
        visits(cleanCadre, List.of(clean), 12);
        // a household due next year, never visited, no account, two objections upheld against it this year
        idleCadre = Cadres.fresh(assistance, Villages.COUNTY, CadreRank.STAFF);
        Household idle = Villages.paired(households, assistance, village, YEAR + 1, idleCadre);
        upheldObjection(idle);
        upheldObjection(idle);
    }

    @Test
    void theCountyOfficeScoresItsYearAndTheCapsHold() {
        ResponseEntity<JsonNode> run = post("county." + Villages.COUNTY, RUN + "&replace=true");
        assertThat(run.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        JsonNode missed = cadre(run.getBody(), missedCadre);
        assertThat(missed.get("pairedHouseholds").asInt()).isEqualTo(5);
        assertThat(missed.get("dueHouseholds").asInt()).isEqualTo(5);
        assertThat(missed.get("exitedOnSchedule").asInt()).isEqualTo(4);
        assertThat(missed.get("failedHouseholds").asInt()).isEqualTo(1);
        assertThat(missed.get("onScheduleShare").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(missed.get("incomeGrowth").decimalValue()).isEqualByComparingTo("0.1667");
        assertThat(missed.get("visits").asInt()).isEqualTo(60);
        assertThat(missed.get("points").decimalValue()).isEqualByComparingTo("90");
        assertThat(missed.get("pointsRating").asText()).isEqualTo("EXCELLENT");
        assertThat(missed.get("rating").asText()).isEqualTo("GOOD");
        assertThat(missed.get("ratingLabel").asText()).isEqualTo("良好 / Good");
        assertThat(missed.get("capReason").asText()).contains("不能评为优秀");
        assertThat(missed.get("cadre").asText()).startsWith("测试干部");
        assertThat(missed.toString()).as("no phone in a rating").doesNotContain("1380000");
        JsonNode missedUnit = unit(run.getBody(), missed.get("unitId").asLong());
        assertThat(missedUnit.get("pointsRating").asText()).isEqualTo("GOOD");
        assertThat(missedUnit.get("rating").asText()).isEqualTo("NOT_GOOD");
        assertThat(missedUnit.get("ratingLabel").asText()).isEqualTo("不好 / Not good");

        JsonNode clean = cadre(run.getBody(), cleanCadre);
        assertThat(clean.get("points").decimalValue()).isEqualByComparingTo("100");
        assertThat(clean.get("rating").asText()).isEqualTo("EXCELLENT");
        assertThat(clean.has("capReason")).isFalse();
        assertThat(unit(run.getBody(), clean.get("unitId").asLong()).get("rating").asText()).isEqualTo("GOOD");

        JsonNode idle = cadre(run.getBody(), idleCadre);
        assertThat(idle.get("dueHouseholds").asInt()).isZero();
        assertThat(idle.has("onScheduleShare")).isFalse();
        assertThat(idle.get("objectionsUpheld").asInt()).isEqualTo(2);
        assertThat(idle.get("points").decimalValue()).isEqualByComparingTo("40");
        assertThat(idle.get("rating").asText()).isEqualTo("NOT_COMPETENT");

        JsonNode read = get("city.6542", "/api/assessment/scoring?region=654200000000&year=" + YEAR);
        assertThat(read.isArray()).isTrue();
        assertThat(cadre(read.get(0), missedCadre).get("rating").asText()).isEqualTo("GOOD");
        assertThat(get("auditor." + Villages.COUNTY, "/api/assessment/scoring?region=" + COUNTY + "&year=" + YEAR)
                .get(0).get("countyCode").asText()).isEqualTo(COUNTY);
    }

    /** The scoring screen's Excel: every figure behind a rating, the rating by points and the cap, per cadre and unit. */
    @Test
    void theCountyDownloadsTheRatingsWithTheirFiguresAndCapsAsExcel() throws Exception {
        post("county." + Villages.COUNTY, RUN + "&replace=true");
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("county." + Villages.COUNTY, "demo").getForEntity(
                "/api/assessment/scoring.xlsx?region=" + COUNTY + "&year=" + YEAR, byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("scoring-" + COUNTY + "-" + YEAR + ".xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            var cadres = book.getSheet("帮扶干部 Cadres");
            var header = cadres.getRow(2);
            List<String> columns = new ArrayList<>();
            header.forEach(cell -> columns.add(cell.getStringCellValue()));
            String missedName = cadre(get("county." + Villages.COUNTY, "/api/assessment/scoring?region=" + COUNTY
                    + "&year=" + YEAR).get(0), missedCadre).get("cadre").asText();
            org.apache.poi.ss.usermodel.Row missed = null;
            for (int r = 3; r <= cadres.getLastRowNum(); r++) {
                if (missedName.equals(cadres.getRow(r).getCell(columns.indexOf("帮扶干部 / Cadre")).getStringCellValue())) {
                    missed = cadres.getRow(r);
                }
            }
            assertThat(missed).as("the capped cadre's row").isNotNull();
            assertThat(missed.getCell(columns.indexOf("到期户数 / Due this year")).getNumericCellValue()).isEqualTo(5);
            assertThat(missed.getCell(columns.indexOf("未按期脱贫 / Failed")).getNumericCellValue()).isEqualTo(1);
            assertThat(missed.getCell(columns.indexOf("按期脱贫率 / On-schedule share")).getNumericCellValue())
                    .isEqualTo(0.8);
            assertThat(missed.getCell(columns.indexOf("得分 / Points")).getNumericCellValue()).isEqualTo(90);
            assertThat(missed.getCell(columns.indexOf("按分评定 / Rating by points")).getStringCellValue())
                    .isEqualTo("优秀 / Excellent");
            assertThat(missed.getCell(columns.indexOf("最终评定 / Rating")).getStringCellValue()).isEqualTo("良好 / Good");
            assertThat(missed.getCell(columns.indexOf("封顶原因 / Cap applied")).getStringCellValue())
                    .contains("不能评为优秀");
            assertThat(book.getSheet("帮扶单位 Units").getLastRowNum()).isGreaterThanOrEqualTo(3);
            StringBuilder all = new StringBuilder();
            cadres.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append(' ')));
            assertThat(all.toString()).as("no phone in the export").doesNotContain("1380000");
        }
        assertField(rest.withBasicAuth("township." + Villages.TOWNSHIP, "demo").getForEntity(
                "/api/assessment/scoring.xlsx?region=" + COUNTY + "&year=" + YEAR, JsonNode.class),
                HttpStatus.FORBIDDEN, "region", "outside your region");
        assertField(rest.withBasicAuth("county.654225", "demo").getForEntity(
                "/api/assessment/scoring.xlsx?region=" + COUNTY + "&year=" + YEAR, JsonNode.class),
                HttpStatus.FORBIDDEN, "region", "outside your region");
        assertField(rest.withBasicAuth("county." + Villages.COUNTY, "demo").getForEntity(
                "/api/assessment/scoring.xlsx?region=" + COUNTY + "&year=2013", JsonNode.class),
                HttpStatus.BAD_REQUEST, "year", "from 2014");
        assertField(rest.withBasicAuth("county." + Villages.COUNTY, "demo").getForEntity(
                "/api/assessment/scoring.xlsx?year=" + YEAR, JsonNode.class), HttpStatus.BAD_REQUEST, "region",
                "is required");
    }

    @Test
    void aSecondRunIsRefusedUnlessItReplacesTheFirst() {
        post("county." + Villages.COUNTY, RUN + "&replace=true");
        ResponseEntity<JsonNode> again = post("county." + Villages.COUNTY, RUN);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("replace=true");
        int runs = get("county." + Villages.COUNTY, "/api/assessment/scoring?region=" + COUNTY + "&year=" + YEAR)
                .get(0).get("runs").asInt();
        ResponseEntity<JsonNode> replaced = post("county." + Villages.COUNTY, RUN + "&replace=true");
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getBody().get("runs").asInt()).isEqualTo(runs + 1);
        Integer rows = jdbc.queryForObject("select count(*) from assistance_score s join scoring_run r on r.id = s.run_id"
                + " where r.county_code = ? and r.score_year = ? and s.cadre_id = ?", Integer.class, COUNTY, YEAR,
                cleanCadre);
        assertThat(rows).as("replaced, not added").isEqualTo(1);
    }

    @Test
    void badCountyOrYearIsRefusedNamingTheField() {
        String county = "county." + Villages.COUNTY;
        assertField(post(county, "/api/assessment/scoring?county=" + Villages.TOWNSHIP + "000&year=" + YEAR),
                HttpStatus.BAD_REQUEST, "county", "not a county code");
        assertField(post(county, "/api/assessment/scoring?year=" + YEAR), HttpStatus.BAD_REQUEST, "county", "is required");
        assertField(post(county, "/api/assessment/scoring?county=" + COUNTY + "&year=last"), HttpStatus.BAD_REQUEST,
                "year", "is not a year");
        assertField(post(county, "/api/assessment/scoring?county=" + COUNTY + "&year=2013"), HttpStatus.BAD_REQUEST,
                "year", "from 2014");
        assertField(post(county, "/api/assessment/scoring?county=" + COUNTY + "&year=" + (YEAR + 1)),
                HttpStatus.BAD_REQUEST, "year", "to " + YEAR);
        assertThat(post(county, "/api/assessment/scoring?county=65422&year=" + YEAR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertField(rest.withBasicAuth(county, "demo").getForEntity("/api/assessment/scoring?region="
                + Villages.TOWNSHIP + "000&year=" + YEAR, JsonNode.class), HttpStatus.BAD_REQUEST, "region", "per county");
        assertField(rest.withBasicAuth(county, "demo").getForEntity("/api/assessment/scoring?region=" + COUNTY,
                JsonNode.class), HttpStatus.BAD_REQUEST, "year", "is required");
    }

    @Test
    void onlyTheCountyOfficeRunsItAndOtherRegionsSeeNothing() {
        assertField(post("township." + Villages.TOWNSHIP, RUN), HttpStatus.FORBIDDEN, "county", "only the county");
        assertField(post("county.654225", RUN), HttpStatus.FORBIDDEN, "county", "only the county");
        assertField(post("auditor." + Villages.COUNTY, RUN), HttpStatus.FORBIDDEN, "county", "only the county");
        assertField(rest.withBasicAuth("county.654225", "demo").getForEntity("/api/assessment/scoring?region=" + COUNTY
                + "&year=" + YEAR, JsonNode.class), HttpStatus.FORBIDDEN, "region", "outside your region");
        assertThat(rest.withBasicAuth("cadre.654224.02", "demo").getForEntity("/api/assessment/scoring?region="
                + COUNTY + "&year=" + YEAR, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("township." + Villages.TOWNSHIP, "demo").getForEntity(
                "/api/assessment/scoring?region=" + COUNTY + "&year=" + YEAR, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity(RUN, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- helpers

    private void income(Household household, long previousYearFen, long thisYearFen) {
        incomes.record(household.getApplicationNo(), new IncomeAccounts.NewEntry(LocalDate.of(YEAR - 1, 6, 1), "WAGES",
                previousYearFen, "务工 / wages"), "test");
        incomes.record(household.getApplicationNo(), new IncomeAccounts.NewEntry(LocalDate.of(YEAR, 1, 1), "WAGES",
                thisYearFen, "务工 / wages"), "test");
    }

    /** So many visits per household in this year's ledger, on days from 1 January to today. */
    private void visits(long cadreId, List<Household> paired, int each) {
        LocalDate today = LocalDate.now();
        for (Household household : paired) {
            for (int k = 0; k < each; k++) {
                assistance.recordVisit(cadreId, household.getApplicationNo(),
                        today.withDayOfYear(1 + k % today.getDayOfYear()), "VISIT", "入户走访 / home visit", null, "test");
            }
        }
    }

    /** An objection upheld against the household this year (as an identification or exit notice would leave it). */
    private void upheldObjection(Household household) {
        jdbc.update("insert into objection (id, household_id, reason, status, submitted_at, finding, decided_by, decided_at)"
                + " values (?, ?, ?, 'UPHELD', current_timestamp, ?, ?, current_timestamp)", OBJECTION_IDS.getAndIncrement(),
                household.getId(), "隐瞒了家庭收入 / hid income", "属实 / true", "township." + Villages.TOWNSHIP);
    }

    private ResponseEntity<JsonNode> post(String user, String url) {
        return rest.withBasicAuth(user, "demo").postForEntity(url, null, JsonNode.class);
    }

    private JsonNode get(String user, String url) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as(url + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void assertField(ResponseEntity<JsonNode> response, HttpStatus status, String field, String rule) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().get("errors").get(field).asText()).contains(rule);
    }

    private static JsonNode cadre(JsonNode run, long cadreId) {
        for (JsonNode score : run.get("cadres")) {
            if (score.get("cadreId").asLong() == cadreId) {
                return score;
            }
        }
        throw new AssertionError("cadre " + cadreId + " not scored: " + run);
    }

    private static JsonNode unit(JsonNode run, long unitId) {
        for (JsonNode score : run.get("units")) {
            if (score.get("unitId").asLong() == unitId) {
                return score;
            }
        }
        throw new AssertionError("unit " + unitId + " not scored: " + run);
    }
}
