package org.precisionaid.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.whatif.WhatIfFixtures.YEAR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What-if on the rules over households with known answers: a village of applicants around the 2026 line (7,500 yuan)
 * and a village of registered households with known accounts. A changed line, a negative-list row off, another number
 * of years, or the same change as an uploaded DMN move exactly the households expected; only the county office, the
 * city office and auditors of the region run one; bad input is refused by field; nothing is written.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfApiTest {

    static final String OFFICE = "county.654224";

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired HouseholdService households;
    @Autowired IncomeAccounts accounts;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired JdbcTemplate jdbc;

    String applicants;
    String registered;
    Household a7000;
    Household b7900;
    Household c8100;
    Household d2000;
    Household eCar5000;
    Household fNoLabour7600;
    Household xStable;
    Household yOneYear;
    Household zBelow;

    @BeforeAll
    void households() {
        applicants = Villages.fresh(regions, officials);
        a7000 = WhatIfFixtures.applicant(households, applicants, 7000, true, false);
        b7900 = WhatIfFixtures.applicant(households, applicants, 7900, true, false);
        c8100 = WhatIfFixtures.applicant(households, applicants, 8100, true, false);
        d2000 = WhatIfFixtures.applicant(households, applicants, 2000, true, false);
        eCar5000 = WhatIfFixtures.applicant(households, applicants, 5000, true, true);
        fNoLabour7600 = WhatIfFixtures.applicant(households, applicants, 7600, false, false);
        registered = Villages.fresh(regions, officials);
        // 2026 line 7,500, 2025 line 7,200: above it two years in a row, one year only, below it
        xStable = WhatIfFixtures.registered(households, accounts, registered, Map.of(2026, 8000, 2025, 7600));
        yOneYear = WhatIfFixtures.registered(households, accounts, registered, Map.of(2026, 8000));
        zBelow = WhatIfFixtures.registered(households, accounts, registered, Map.of(2026, 7000, 2025, 6000));
    }

    @Test
    void aHigherPovertyLineMakesExactlyTheHouseholdsBetweenTheLinesEligible() throws Exception {
        JsonNode result = ok(edited("IDENTIFICATION", applicants, "\"povertyLineYuan\": 8000"));
        assertThat(result.get("evaluated").asLong()).isEqualTo(6);
        assertThat(result.at("/classes/NEWLY_ELIGIBLE").asLong()).isEqualTo(2);
        assertThat(result.at("/classes/NO_LONGER_ELIGIBLE").asLong()).isZero();
        assertThat(listed(result, "NEWLY_ELIGIBLE")).containsExactlyInAnyOrder(b7900.getApplicationNo(),
                fNoLabour7600.getApplicationNo());
        assertThat(outcome(result, "DEVELOPMENT")).containsExactly(2L, 3L);       // a, d today; b joins
        assertThat(outcome(result, "SOCIAL_ASSISTANCE")).containsExactly(0L, 1L); // f: no member can work
        assertThat(outcome(result, "NOT_ELIGIBLE")).containsExactly(4L, 2L);
        JsonNode village = result.get("villages").get(0);
        assertThat(village.get("code").asText()).isEqualTo(applicants);
        assertThat(village.at("/classes/NEWLY_ELIGIBLE").asLong()).isEqualTo(2);
        JsonNode f = row(result, fNoLabour7600.getApplicationNo());
        assertThat(f.get("today").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(f.get("changed").asText()).isEqualTo("SOCIAL_ASSISTANCE");
        String fullId = jdbc.queryForObject("select id_number from household_member where household_id = ? and position = 0",
                String.class, fNoLabour7600.getId());
        assertThat(f.get("idNumber").asText()).isEqualTo(fullId.substring(0, 6) + "********" + fullId.substring(14));
        assertThat(result.toString()).doesNotContain(fullId).doesNotContain("13912345678");
        assertThat(result.get("today").asText()).as("the file's name, not the server's path")
                .startsWith("eligibility.dmn v").doesNotContain("bpmn/").doesNotContain("classes");
    }

    @Test
    void aLowerLineTakesOutOnlyTheHouseholdBetweenTheLines() throws Exception {
        JsonNode result = ok(edited("IDENTIFICATION", applicants, "\"povertyLineYuan\": 6800.50"));
        assertThat(listed(result, "NO_LONGER_ELIGIBLE")).containsExactly(a7000.getApplicationNo());
        assertThat(result.at("/classes/NEWLY_ELIGIBLE").asLong()).isZero();
        assertThat(result.get("changed").asText()).contains("6800.5");
    }

    @Test
    void switchingOffTheCarRowOfTheNegativeListAdmitsTheHouseholdWithACar() throws Exception {
        JsonNode result = ok(edited("IDENTIFICATION", applicants, "\"negativeListOff\": [\"negativeOwnsCar\"]"));
        assertThat(listed(result, "NEWLY_ELIGIBLE")).containsExactly(eCar5000.getApplicationNo());
        assertThat(row(result, eCar5000.getApplicationNo()).get("todayReason").asText()).contains("小汽车");
    }

    @Test
    void anUploadedDmnWithAnotherLineGivesTheSameAnswerAsTheEditedValueAndIsNeverDeployed() throws Exception {
        long deployments = count("ACT_RE_DEPLOYMENT");
        String deployed = new ClassPathResource("bpmn/eligibility.dmn").getContentAsString(StandardCharsets.UTF_8);
        String changed = deployed.replace("<outputEntry id=\"line2026Value\"><text>7500</text>",
                "<outputEntry id=\"line2026Value\"><text>8000</text>");
        assertThat(changed).isNotEqualTo(deployed);
        ResponseEntity<String> response = WhatIfFixtures.uploaded(rest, OFFICE, changed.getBytes(StandardCharsets.UTF_8),
                "IDENTIFICATION", applicants, YEAR);
        JsonNode result = ok(response);
        assertThat(listed(result, "NEWLY_ELIGIBLE")).containsExactlyInAnyOrder(b7900.getApplicationNo(),
                fNoLabour7600.getApplicationNo());
        assertThat(result.get("changed").asText()).contains("eligibility-changed.dmn");
        assertThat(count("ACT_RE_DEPLOYMENT")).isEqualTo(deployments);
    }

    @Test
    void moreYearsAboveTheLineStopTheStableHouseholdsExitFewerLetTheNewOneExit() throws Exception {
        JsonNode stricter = ok(edited("EXIT", registered, "\"exitYears\": 3"));
        assertThat(stricter.get("evaluated").asLong()).isEqualTo(3);
        assertThat(listed(stricter, "WOULD_NOT_EXIT")).containsExactly(xStable.getApplicationNo());
        assertThat(stricter.at("/classes/WOULD_EXIT").asLong()).isZero();
        assertThat(outcome(stricter, "EXIT_PROPOSED")).containsExactly(1L, 0L);

        JsonNode looser = ok(edited("EXIT", registered, "\"exitYears\": 1"));
        assertThat(listed(looser, "WOULD_EXIT")).containsExactly(yOneYear.getApplicationNo());
        assertThat(looser.at("/classes/WOULD_NOT_EXIT").asLong()).isZero();
        assertThat(row(looser, yOneYear.getApplicationNo()).get("perCapitaYuan").decimalValue())
                .isEqualByComparingTo("8000");
    }

    @Test
    void aHigherLineStopsTheExitOfTheHouseholdJustAboveTheOldOne() throws Exception {
        JsonNode result = ok(edited("EXIT", registered, "\"povertyLineYuan\": 8500"));
        assertThat(listed(result, "WOULD_NOT_EXIT")).containsExactly(xStable.getApplicationNo());
        assertThat(result.at("/classes/OUTCOME_CHANGED").asLong()).isZero();
    }

    @Test
    void aHigherMonitoringLineMonitorsExactlyTheHouseholdsBetweenTheLinesAsJsonExcelAndUpload() throws Exception {
        // Xinjiang's line for 2026 is 7,800 (monitoring-rules.dmn): z (7,000) is monitored today, x and y (8,000) not
        JsonNode result = ok(edited("MONITORING", registered, "\"monitoringLineYuan\": 8500"));
        assertThat(result.get("evaluated").asLong()).isEqualTo(3);
        assertThat(listed(result, "NEWLY_MONITORED")).containsExactlyInAnyOrder(xStable.getApplicationNo(),
                yOneYear.getApplicationNo());
        assertThat(result.at("/classes/NO_LONGER_MONITORED").asLong()).isZero();
        assertThat(outcome(result, "NOT_AT_RISK")).containsExactly(2L, 0L);
        assertThat(outcome(result, "UNSTABLE")).containsExactly(1L, 3L);
        assertThat(result.at("/villages/0/classes/NEWLY_MONITORED").asLong()).isEqualTo(2);
        JsonNode x = row(result, xStable.getApplicationNo());
        assertThat(x.get("perCapitaYuan").decimalValue()).isEqualByComparingTo("8000");
        assertThat(x.get("changedReason").asText()).contains("脱贫不稳定户");
        String fullId = jdbc.queryForObject("select id_number from household_member where household_id = ? and position = 0",
                String.class, xStable.getId());
        assertThat(x.get("idNumber").asText()).contains("********");
        assertThat(result.toString()).doesNotContain(fullId).doesNotContain("13912345678");
        assertThat(result.get("changed").asText()).contains("monitoring-rules.dmn").contains("8500");

        JsonNode lower = ok(edited("MONITORING", registered, "\"monitoringLineYuan\": 6500"));
        assertThat(listed(lower, "NO_LONGER_MONITORED")).containsExactly(zBelow.getApplicationNo());
        assertThat(lower.at("/classes/NEWLY_MONITORED").asLong()).isZero();

        String deployed = new ClassPathResource("bpmn/monitoring-rules.dmn").getContentAsString(StandardCharsets.UTF_8);
        String changed = deployed.replace("<outputEntry id=\"lineXinjiangOut0\"><text>7800</text>",
                "<outputEntry id=\"lineXinjiangOut0\"><text>8500</text>");
        assertThat(changed).isNotEqualTo(deployed);
        JsonNode uploaded = ok(WhatIfFixtures.uploaded(rest, OFFICE, changed.getBytes(StandardCharsets.UTF_8),
                "MONITORING", registered, YEAR));
        assertThat(listed(uploaded, "NEWLY_MONITORED")).containsExactlyInAnyOrder(xStable.getApplicationNo(),
                yOneYear.getApplicationNo());
        assertRefused(WhatIfFixtures.uploaded(rest, OFFICE, new ClassPathResource("bpmn/eligibility.dmn")
                .getContentAsByteArray(), "MONITORING", registered, YEAR), "file", "no decision with id monitoringCategory");

        ResponseEntity<byte[]> excel = rest.withBasicAuth(OFFICE, "demo").postForEntity("/api/what-if?format=xlsx",
                new org.springframework.http.HttpEntity<>(body("MONITORING", registered, "\"monitoringLineYuan\": 8500"),
                        jsonHeaders()), byte[].class);
        assertThat(excel.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getBody()))) {
            Sheet list = book.getSheet("变化户 Households");
            assertThat(list.getLastRowNum()).isEqualTo(2);
            assertThat(list.getRow(1).getCell(0).getStringCellValue()).isEqualTo("新纳入监测 / Newly monitored");
            assertThat(list.getRow(1).getCell(4).getStringCellValue()).contains("********");
            assertThat(book.getSheet("按村 By village").getRow(0).getCell(3).getStringCellValue())
                    .isEqualTo("新纳入监测 / Newly monitored");
        }
    }

    @Test
    void theExcelFileHasTheComparisonTheVillagesAndTheMaskedList() throws Exception {
        ResponseEntity<byte[]> response = rest.withBasicAuth(OFFICE, "demo").postForEntity(
                "/api/what-if?format=xlsx", new org.springframework.http.HttpEntity<>(
                        body("IDENTIFICATION", applicants, "\"povertyLineYuan\": 8000"), jsonHeaders()), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet list = book.getSheet("变化户 Households");
            assertThat(list.getLastRowNum()).isEqualTo(2);
            List<String> numbers = new ArrayList<>();
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                numbers.add(list.getRow(r).getCell(1).getStringCellValue());
                assertThat(list.getRow(r).getCell(4).getStringCellValue()).contains("********");
            }
            assertThat(numbers).containsExactlyInAnyOrder(b7900.getApplicationNo(), fNoLabour7600.getApplicationNo());
            Sheet villages = book.getSheet("按村 By village");
            assertThat(villages.getRow(1).getCell(0).getStringCellValue()).isEqualTo(applicants);
            assertThat(villages.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2.0);
        }
    }

    @Test
    void theCityOfficeAndTheAuditorsRunOneTownshipsAndOtherCountiesDoNot() throws Exception {
        String body = "\"povertyLineYuan\": 8000";
        assertThat(ok(WhatIfFixtures.edited(rest, "city.6542", body("IDENTIFICATION", applicants, body), null))
                .at("/classes/NEWLY_ELIGIBLE").asLong()).isEqualTo(2);
        assertThat(ok(WhatIfFixtures.edited(rest, "auditor.654224", body("IDENTIFICATION", applicants, body), null))
                .at("/classes/NEWLY_ELIGIBLE").asLong()).isEqualTo(2);
        for (String user : List.of("township.654224101", "county.654225", "clerk." + applicants)) {
            ResponseEntity<String> refused = WhatIfFixtures.edited(rest, user, body("IDENTIFICATION", applicants, body),
                    null);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(json.readTree(refused.getBody()).at("/errors/region").asText()).contains("county");
        }
        ResponseEntity<String> foreignMonitoring = WhatIfFixtures.edited(rest, "county.654225",
                body("MONITORING", registered, "\"monitoringLineYuan\": 8500"), null);
        assertThat(foreignMonitoring.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(foreignMonitoring.getBody()).at("/errors/region").asText()).contains("county");
        ResponseEntity<String> foreignUpload = WhatIfFixtures.uploaded(rest, "county.654225",
                new ClassPathResource("bpmn/eligibility.dmn").getContentAsByteArray(), "IDENTIFICATION", applicants,
                YEAR);
        assertThat(foreignUpload.getStatusCode().value()).isEqualTo(403);
        assertThat(rest.postForEntity("/api/what-if", new org.springframework.http.HttpEntity<>(
                body("IDENTIFICATION", applicants, body), jsonHeaders()), String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void badValuesAreRefusedByField() throws Exception {
        assertRefused(edited("IDENTIFICATION", applicants, "\"povertyLineYuan\": -1"), "povertyLineYuan", "positive");
        assertRefused(edited("IDENTIFICATION", applicants, "\"povertyLineYuan\": 7500.123"), "povertyLineYuan",
                "decimal");
        assertRefused(edited("IDENTIFICATION", applicants, "\"negativeListOff\": [\"negativeNone\"]"),
                "negativeListOff[0]", "negativeOwnsCar");
        assertRefused(edited("IDENTIFICATION", applicants, "\"exitYears\": 2"), "exitYears", "EXIT");
        assertRefused(edited("EXIT", registered, "\"exitYears\": 0"), "exitYears", "between 1 and 5");
        assertRefused(edited("EXIT", registered, "\"negativeListOff\": [\"negativeOwnsCar\"]"), "negativeListOff",
                "IDENTIFICATION");
        assertRefused(edited("IDENTIFICATION", applicants, "\"povertyLineYuan\": null"), "povertyLineYuan",
                "what changes");
        assertRefused(WhatIfFixtures.edited(rest, OFFICE, "{\"rule\": \"ELIGIBLE\", \"region\": \"6542\", \"year\": 1999,"
                + " \"povertyLineYuan\": 8000}", null), "rule", "IDENTIFICATION, EXIT or MONITORING");
        assertRefused(edited("IDENTIFICATION", applicants, "\"monitoringLineYuan\": 8000"), "monitoringLineYuan",
                "MONITORING");
        assertRefused(edited("MONITORING", registered, "\"povertyLineYuan\": 8000"), "povertyLineYuan",
                "not to MONITORING");
        assertRefused(edited("MONITORING", registered, "\"monitoringLineYuan\": -5"), "monitoringLineYuan",
                "positive");
        assertRefused(edited("MONITORING", registered, "\"monitoringLineYuan\": null"), "monitoringLineYuan",
                "what changes");
        assertRefused(edited("MONITORING", registered, "\"monitoringLineYuan\": \"lots\""), "monitoringLineYuan",
                "");
        assertRefused(WhatIfFixtures.edited(rest, OFFICE, "{\"rule\": \"EXIT\", \"region\": \"6542\", \"year\": 1999,"
                + " \"povertyLineYuan\": 8000}", null), "region", "12-digit");
        assertRefused(WhatIfFixtures.edited(rest, OFFICE, body("EXIT", registered, "\"exitYears\": 2")
                .replace("\"year\": 2026", "\"year\": 1999"), null), "year", "between 2000");
        assertRefused(WhatIfFixtures.edited(rest, OFFICE, body("EXIT", registered, "\"exitYears\": 2"), "pdf"),
                "format", "json or xlsx");
        assertRefused(WhatIfFixtures.edited(rest, OFFICE, body("EXIT", registered, "\"exitYears\": 2, \"extra\": 1"),
                null), "extra", "");
    }

    @Test
    void aBadOrHostileDmnIsRefusedByFieldWithItsLine() throws Exception {
        String deployed = new ClassPathResource("bpmn/eligibility.dmn").getContentAsString(StandardCharsets.UTF_8);
        assertRefused(upload("not xml at all"), "file", "well-formed");
        assertRefused(upload("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"),
                "file", "DOCTYPE");
        assertRefused(upload(deployed.replace("<inputExpression id=\"exprOwnsCar\" typeRef=\"boolean\">",
                "<inputExpression id=\"exprOwnsCar\" typeRef=\"boolean\" expressionLanguage=\"juel\">")), "file",
                "expression language juel");
        assertRefused(upload(deployed.replace("<text>ownsCar</text>",
                "<text>${\"\".getClass().forName(\"java.lang.Runtime\")}</text>")), "file", "JUEL");
        assertRefused(upload(deployed.replace("<text>ownsCar</text>", "<text>ownsCar</text>")
                .replace("id=\"classification\"", "id=\"somethingElse\"")
                .replace("#classification", "#somethingElse")), "file", "no decision with id classification");
        assertRefused(upload(deployed.replace("name=\"classification\" typeRef", "name=\"klass\" typeRef")), "file",
                "no output named classification");
        assertRefused(upload("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" "
                + "name=\"d\" namespace=\"x\"><decision id=\"classification\"><decisionTable id=\"t\">"
                + "<input id=\"i\"><inputExpression id=\"e\"><text>a &lt;</text></inputExpression></input>"
                + "</decisionTable></decision></definitions>"), "file", "");
        assertRefused(upload(" ".repeat(RuleModels.MAX_DMN_BYTES + 1)), "file", "at most");
        assertRefused(upload(deployed.replace("<text>ownsCar</text>",
                "<text>count(for i in 1..1000000000 return i) &gt; 0</text>")), "file", "FEEL for is not run");
    }

    @Test
    void nothingIsWrittenNeitherTheRegistryNorTheEnginesTables() throws Exception {
        List<String> tables = List.of("household", "household_member", "household_status_change", "income_entry",
                "file_card", "ACT_HI_DECINST", "ACT_RE_DEPLOYMENT", "ACT_RE_DECISION_DEF", "ACT_GE_BYTEARRAY",
                "ACT_RU_METER_LOG");
        List<Long> before = tables.stream().map(this::count).toList();
        String classified = jdbc.queryForObject("select classification || updated_at from household where id = ?",
                String.class, b7900.getId());
        ok(edited("IDENTIFICATION", applicants, "\"povertyLineYuan\": 8000, \"negativeListOff\": [\"negativeOwnsCar\"]"));
        ok(edited("EXIT", registered, "\"povertyLineYuan\": 8500, \"exitYears\": 1"));
        ok(edited("MONITORING", registered, "\"monitoringLineYuan\": 8500"));
        assertThat(tables.stream().map(this::count).toList()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select classification || updated_at from household where id = ?", String.class,
                b7900.getId())).isEqualTo(classified);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private ResponseEntity<String> edited(String rule, String region, String change) {
        return WhatIfFixtures.edited(rest, OFFICE, body(rule, region, change), null);
    }

    private ResponseEntity<String> upload(String xml) {
        return WhatIfFixtures.uploaded(rest, OFFICE, xml.getBytes(StandardCharsets.UTF_8), "IDENTIFICATION", applicants,
                YEAR);
    }

    private static String body(String rule, String region, String change) {
        return "{\"rule\": \"" + rule + "\", \"region\": \"" + region + "\", \"year\": " + YEAR + ", " + change + "}";
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }

    private JsonNode ok(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private void assertRefused(ResponseEntity<String> response, String field, String rule) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.at("/errors").has(field)).as(response.getBody()).isTrue();
        assertThat(problem.at("/errors").get(field).asText()).contains(rule);
    }

    private static List<String> listed(JsonNode result, String changeClass) {
        List<String> numbers = new ArrayList<>();
        result.get("households").forEach(h -> {
            if (h.get("changeClass").asText().equals(changeClass)) {
                numbers.add(h.get("applicationNo").asText());
            }
        });
        return numbers;
    }

    private static JsonNode row(JsonNode result, String applicationNo) {
        for (JsonNode h : result.get("households")) {
            if (h.get("applicationNo").asText().equals(applicationNo)) {
                return h;
            }
        }
        throw new AssertionError(applicationNo + " is not in the list: " + result.get("households"));
    }

    private static List<Long> outcome(JsonNode result, String outcome) {
        for (JsonNode o : result.get("outcomes")) {
            if (o.get("outcome").asText().equals(outcome)) {
                return List.of(o.get("today").asLong(), o.get("changed").asLong());
            }
        }
        return List.of(0L, 0L);
    }
}
