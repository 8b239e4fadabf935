package org.precisionaid.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile inputs of issue #27 against {@code POST /api/projects}, one by one: each is a 400 naming the field
 * and the rule, and writes nothing — no project, no case, no project number.
 */
@IntegrationTest
class ProjectInputTest {

    static final String CLERK = "clerk.654224101201";

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired HouseholdService households;
    @Autowired org.precisionaid.assistance.AssistanceService assistance;

    private ObjectNode valid() {
        return json.valueToTree(Projects.sheep(Projects.VILLAGE,
                Projects.registered(households, assistance, Projects.VILLAGE, 1)));
    }

    private ResponseEntity<JsonNode> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(CLERK, "demo").postForEntity("/api/projects", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private String written() {
        return jdbc.queryForObject("select count(*) from project", Long.class) + " projects, "
                + jdbc.queryForObject("select count(*) from act_ru_execution", Long.class) + " executions, numbers "
                + jdbc.queryForList("select last_no from project_counter order by county_code, project_year", Long.class);
    }

    /** The field's rule, after asserting a 400 problem that wrote nothing. */
    private String refused(ObjectNode body, Consumer<ObjectNode> change, String field) {
        change.accept(body);
        return refused(body.toString(), field);
    }

    private String refused(String body, String field) {
        String before = written();
        ResponseEntity<JsonNode> response = post(body);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        assertThat(written()).as("nothing written, no number consumed").isEqualTo(before);
        JsonNode rule = response.getBody().path("errors").path(field);
        assertThat(rule.isTextual()).as(field + " named in " + response.getBody()).isTrue();
        return rule.asText();
    }

    @Test
    void aNullInsideAListIsRefusedByItsPath() {
        assertThat(refused(valid(), b -> ((ArrayNode) b.get("budgetLines")).insertNull(1), "budgetLines[1]"))
                .isEqualTo("must not be null");
        refused(valid(), b -> ((ArrayNode) b.get("beneficiaries")).addNull(), "beneficiaries[1]");
        refused(valid(), b -> ((ArrayNode) b.get("outputs")).insertNull(0), "outputs[0]");
    }

    @Test
    void quantitiesBeyondTheColumnAreRefusedNotOverflowedOrRounded() {
        assertThat(refused(valid(), b -> ((ObjectNode) b.get("outputs").get(0)).put("quantity", 1_000_000_000_000L),
                "outputs[0].quantity")).contains("11 digits before the decimal point");
        assertThat(refused(valid(), b -> ((ObjectNode) b.get("outputs").get(0))
                .put("quantity", new java.math.BigDecimal("0.0001")), "outputs[0].quantity"))
                .contains("3 digits after the decimal point").contains("nothing is rounded");
        assertThat(refused(valid(), b -> b.put("latitude", new java.math.BigDecimal("45.1234567")), "latitude"))
                .contains("6 digits after");
    }

    @Test
    void anIntegerThatOverflowsIsNamed() {
        String body = valid().put("type", "MICRO_CREDIT").put("loanTermMonths", 1).toString()
                .replace("\"loanTermMonths\":1", "\"loanTermMonths\":10000000000");
        assertThat(refused(body, "loanTermMonths")).contains("out of range");
        assertThat(refused(valid(), b -> b.put("loanTermMonths", 1.5), "loanTermMonths")).isEqualTo("must be a whole number");
    }

    @Test
    void aRegionCodeThatIsNotAProjectRegionIsNamed() {
        assertThat(refused(valid(), b -> b.put("regionCode", "654200000000"), "regionCode")).contains("not a city");
        assertThat(refused(valid(), b -> b.put("regionCode", "65422410120"), "regionCode")).contains("12-digit");
        assertThat(refused(valid(), b -> b.put("regionCode", "６５４２２４１０１２０１"), "regionCode")).contains("12-digit");
    }

    @Test
    void controlCharactersInTextAreRefused() {
        for (String control : List.of("\u001b[31m", "\u0007", "\u0000")) {
            assertThat(refused(valid(), b -> b.put("name", "肉羊" + control + "养殖"), "name"))
                    .contains("control character");
        }
        assertThat(refused(valid(), b -> b.put("name", "肉羊\n养殖"), "name")).startsWith("must be one line");
        assertThat(refused(valid(), b -> b.put("name", "\u202e殖养羊肉"), "name")).contains("bidirectional override");
    }

    @Test
    void anImplementationPeriodLongerThanThePolicyOfItsTypeIsRefused() {
        int year = LocalDate.now().getYear();
        assertThat(refused(valid(), b -> b.put("periodEnd", LocalDate.of(year + 20, 3, 1).toString()), "periodEnd"))
                .contains("within 12 months").contains("DMN longestPeriod");
        assertThat(refused(valid(), b -> b.put("periodStart", "0001-01-01"), "periodStart"))
                .contains("between 1900-01-01 and 2100-12-31");
    }

    @Test
    void unknownPropertiesAreRefusedByName() {
        assertThat(refused(valid(), b -> b.put("status", "APPROVED"), "status")).startsWith("is not a field of this body")
                .contains("budgetLines");
        refused(valid(), b -> b.put("projectNo", "XM-2026-654224-0001"), "projectNo");
        refused(valid(), b -> ((ObjectNode) b.get("budgetLines").get(0)).put("amonut", 1), "budgetLines[0].amonut");
    }

    @Test
    void aRefusedApplicationLeavesNoGapInTheNumbers() {
        ObjectNode body = valid();
        String first = post(body.toString()).getBody().get("projectNo").asText();
        refused(valid(), b -> b.put("periodEnd", LocalDate.now().plusYears(20).toString()), "periodEnd");
        refused(valid(), b -> ((ObjectNode) b.get("outputs").get(0)).put("quantity", 1_000_000_000_000L),
                "outputs[0].quantity");
        String next = post(valid().toString()).getBody().get("projectNo").asText();
        int firstNo = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        assertThat(next).isEqualTo(first.substring(0, first.lastIndexOf('-') + 1) + String.format("%04d", firstNo + 1));
    }

    @Test
    void textIsTrimmed() {
        ResponseEntity<JsonNode> created = post(valid().put("name", "  新华村肉羊养殖项目  ").toString());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("name").asText()).isEqualTo("新华村肉羊养殖项目");
    }
}
