package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The county office breaks its year's poverty-reduction task down to townships and villages and gives a village an
 * income target of its own; the reduction-tasks and income-targets reports show them, townships read them, and a
 * breakdown whose parts exceed the whole, or names a region outside the county, is refused by field with the saved
 * breakdown untouched.
 */
@IntegrationTest
class RegionTargetApiTest {

    static final String COUNTY = "654224000000"; // 托里县 / Toli
    static final String TIECHANGGOU = "654224101000"; // 铁厂沟镇
    static final String ALEPASALEGAN = "654224101201"; // 阿勒帕萨勒干村
    static final String TOLI_TOWN = "654224100000"; // 托里镇
    static final String OFFICE = "county.654224";
    static final String TOWNSHIP = "township.654224101";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 9; // no other test sets it

    @Autowired TestRestTemplate rest;

    static final String BREAKDOWN = "{\"source\": \"县脱贫攻坚指挥部任务分解 / County task plan\", \"targets\": ["
            + "{\"code\": \"" + COUNTY + "\", \"exitHouseholds\": 10, \"exitPeople\": 25},"
            + "{\"code\": \"" + TIECHANGGOU + "\", \"exitHouseholds\": 4, \"exitPeople\": 10},"
            + "{\"code\": \"" + ALEPASALEGAN + "\", \"exitHouseholds\": 3, \"exitPeople\": 8, \"perCapitaNetYuan\": 7000.50},"
            + "{\"code\": \"" + TOLI_TOWN + "\", \"exitHouseholds\": 5, \"exitPeople\": 12}]}";

    @Test
    void theCountyBreaksItsTaskDownTheReportsShowItAndItsTownshipReadsIt() {
        ResponseEntity<JsonNode> saved = put(OFFICE, YEAR, BREAKDOWN);
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        assertThat(saved.getBody().get("updatedBy").asText()).isEqualTo(OFFICE);
        assertThat(region(saved.getBody(), TIECHANGGOU).get("exitHouseholds").asInt()).isEqualTo(4);
        assertThat(region(saved.getBody(), ALEPASALEGAN).get("perCapitaNetYuan").decimalValue())
                .isEqualByComparingTo("7000.50");
        assertThat(region(saved.getBody(), "654224102000").hasNonNull("exitHouseholds"))
                .as("a township without a line has no task").isFalse();

        JsonNode township = read(TOWNSHIP, YEAR);
        assertThat(township.get("canEdit").asBoolean()).isFalse();
        assertThat(region(township, COUNTY).get("exitPeople").asInt()).isEqualTo(25);
        ResponseEntity<JsonNode> townshipWrite = put(TOWNSHIP, YEAR, BREAKDOWN);
        assertThat(townshipWrite.getStatusCode().value()).isEqualTo(403);
        assertThat(townshipWrite.getBody().at("/errors/countyCode").asText()).contains("county poverty-alleviation office");

        JsonNode tasks = ReportFixtures.get(rest, OFFICE, "/api/reports/reduction-tasks?region=" + COUNTY + "&year=" + YEAR);
        assertThat(ReportFixtures.row(tasks, "years", "year", String.valueOf(YEAR)).get("taskHouseholds").asInt())
                .isEqualTo(10);
        assertThat(ReportFixtures.row(tasks, "regions", "code", TIECHANGGOU).get("taskHouseholds").asInt()).isEqualTo(4);
        JsonNode home = ReportFixtures.get(rest, TOWNSHIP, "/api/workbench?region=" + TIECHANGGOU + "&year=" + YEAR);
        assertThat(home.at("/exits/task").asInt()).as("the township's workbench shows its task").isEqualTo(4);
        JsonNode incomes = ReportFixtures.get(rest, OFFICE, "/api/reports/income-targets?region=" + TIECHANGGOU
                + "&year=" + YEAR);
        assertThat(ReportFixtures.row(incomes, "regions", "code", ALEPASALEGAN).get("target").decimalValue())
                .as("the village's own target, not the county's or the line").isEqualByComparingTo("7000.50");
    }

    @Test
    void aBreakdownIsReplacedAsAWholeAndARefusedOneLeavesTheSavedOneAsItWas() {
        int year = YEAR - 1;
        assertThat(put(OFFICE, year, BREAKDOWN).getStatusCode().value()).isEqualTo(200);

        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"" + COUNTY + "\", \"exitHouseholds\": 6},"
                + "{\"code\": \"" + TIECHANGGOU + "\", \"exitHouseholds\": 4}, {\"code\": \"" + TOLI_TOWN
                + "\", \"exitHouseholds\": 5}]}", "targets[0].exitHouseholds", "more than this task of 6");
        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"" + TIECHANGGOU + "\", \"exitHouseholds\": 2},"
                + "{\"code\": \"654224101200\", \"exitHouseholds\": 2}, {\"code\": \"" + ALEPASALEGAN
                + "\", \"exitHouseholds\": 1}]}", "targets[0].exitHouseholds", "its villages");
        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"654225101000\", \"exitHouseholds\": 1}]}",
                "targets[0].code", "is not " + COUNTY);
        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"" + TIECHANGGOU + "\", \"exitHouseholds\": 4,"
                + " \"exitPeople\": 3}]}", "targets[0].exitPeople", "at least the households");
        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"" + COUNTY + "\", \"perCapitaNetYuan\": 6000}]}",
                "targets[0].perCapitaNetYuan", "income targets page");
        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"" + TIECHANGGOU + "\"}, {\"code\": \""
                + TIECHANGGOU + "\"}]}", "targets[1].code", "appears twice");
        assertBad(year, "{\"source\": \" \", \"targets\": []}", "source", "required");
        assertBad(year, "{\"source\": \"s\", \"targets\": [{\"code\": \"" + ALEPASALEGAN + "\", \"exitHouseholds\": 1.5}]}",
                "targets[0].exitHouseholds", "");
        assertThat(region(read(OFFICE, year), TIECHANGGOU).get("exitHouseholds").asInt())
                .as("nothing of a refused breakdown is written").isEqualTo(4);

        ResponseEntity<JsonNode> replaced = put(OFFICE, year, "{\"source\": \"调整 / Revised\", \"targets\": ["
                + "{\"code\": \"" + COUNTY + "\", \"exitHouseholds\": 12, \"exitPeople\": 30}]}");
        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        assertThat(region(replaced.getBody(), COUNTY).get("exitHouseholds").asInt()).isEqualTo(12);
        assertThat(region(replaced.getBody(), TIECHANGGOU).hasNonNull("exitHouseholds"))
                .as("a line not sent again is no longer a task").isFalse();
        assertThat(replaced.getBody().get("source").asText()).isEqualTo("调整 / Revised");
    }

    @Test
    void anotherCountysOfficeNeitherReadsNorWrites() {
        ResponseEntity<JsonNode> foreign = rest.withBasicAuth("county.654225", "demo").getForEntity(
                "/api/region-targets?county=" + COUNTY + "&year=" + YEAR, JsonNode.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().at("/errors/county").asText()).contains("outside your region");
        assertThat(put("county.654225", YEAR, BREAKDOWN).getStatusCode().value()).isEqualTo(403);
    }

    private void assertBad(int year, String body, String field, String rule) {
        ResponseEntity<JsonNode> refused = put(OFFICE, year, body);
        assertThat(refused.getStatusCode().value()).as(body + " → " + refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody().at("/errors/" + field.replace("/", "~1")).asText()).as(field).isNotEmpty()
                .contains(rule);
    }

    private JsonNode read(String user, int year) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity(
                "/api/region-targets?county=" + COUNTY + "&year=" + year, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> put(String user, int year, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange("/api/region-targets/" + COUNTY + "/" + year, HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static JsonNode region(JsonNode breakdown, String code) {
        return StreamSupport.stream(breakdown.get("regions").spliterator(), false)
                .filter(row -> row.get("code").asText().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + breakdown));
    }
}
