package org.precisionaid.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/households/{no}/account: the clerk and the cadre write, the region reads, the income is computed. */
@IntegrationTest
class IncomeAccountApiTest {

    static final String CLERK = "clerk." + Projects.VILLAGE;

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeEntryRepository entries;

    private ResponseEntity<JsonNode> post(String user, String applicationNo, Map<String, Object> entry) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/households/" + applicationNo + "/account/entries",
                entry, JsonNode.class);
    }

    private ResponseEntity<JsonNode> account(String user, String applicationNo, int year) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/households/" + applicationNo + "/account?year=" + year,
                JsonNode.class);
    }

    private static Map<String, Object> entry(LocalDate date, String item, Long fen, String note) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("date", date == null ? null : date.toString());
        entry.put("item", item);
        entry.put("amountFen", fen);
        entry.put("note", note);
        return entry;
    }

    @Test
    void theClerkRecordsTheYearAndThePerCapitaNetIncomeIsComputedNeverTyped() {
        Household household = Projects.registered(households, assistance, Projects.VILLAGE);
        String no = household.getApplicationNo();
        int members = households.view(no).members().size();
        LocalDate day = LocalDate.now().withDayOfMonth(1);
        assertThat(post(CLERK, no, entry(day, "WAGES", 1_200_000L, "外出务工 / migrant work")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(CLERK, no, entry(day, "OPERATING", -50_000L, "羊病损失 / sheep lost")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(CLERK, no, entry(day, "TRANSFER", 300_000L, null)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(CLERK, no, entry(day, "MEDICAL", 80_000L, "住院 / hospital")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        JsonNode account = account("township.654224101", no, day.getYear()).getBody();
        assertThat(account.get("incomeFen").asLong()).isEqualTo(1_450_000L);
        assertThat(account.get("expenditureFen").asLong()).isEqualTo(80_000L);
        assertThat(account.get("members").asInt()).isEqualTo(members);
        assertThat(account.get("perCapitaNetFen").asLong()).isEqualTo(Math.round(1_450_000.0 / members));
        assertThat(account.get("byItem").get("OPERATING").asLong()).isEqualTo(-50_000L);
        assertThat(account.get("entries")).hasSize(4);
        assertThat(account.get("entries").get(0).get("recordedBy").asText()).isEqualTo(CLERK);
        assertThat(account.get("confirmed").asBoolean()).isFalse();
    }

    @Test
    void badLinesAreRefusedWithTheFieldAndRuleAndNothingIsWritten() {
        String no = Projects.registered(households, assistance, Projects.VILLAGE).getApplicationNo();
        long before = entries.count();
        LocalDate today = LocalDate.now();
        Map<LocalDate, String> cases = new HashMap<>();
        ResponseEntity<JsonNode> negativeWages = post(CLERK, no, entry(today, "WAGES", -100L, null));
        assertThat(negativeWages.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negativeWages.getBody().get("errors").get("amountFen").asText()).contains("positive");
        ResponseEntity<JsonNode> future = post(CLERK, no, entry(today.plusDays(1), "WAGES", 100L, null));
        assertThat(future.getBody().get("errors").get("date").asText()).contains("after today");
        ResponseEntity<JsonNode> unknownItem = post(CLERK, no, entry(today, "LOTTERY", 100L, null));
        assertThat(unknownItem.getBody().get("errors").get("item").asText()).contains("not one of");
        ResponseEntity<JsonNode> nothing = post(CLERK, no, entry(null, null, null, null));
        assertThat(nothing.getBody().get("errors").fieldNames()).toIterable()
                .contains("date", "item", "amountFen");
        ResponseEntity<JsonNode> huge = post(CLERK, no, entry(today, "WAGES", 100_000_001L, null));
        assertThat(huge.getBody().get("errors").get("amountFen").asText()).contains("one million");
        assertThat(cases).isEmpty();
        assertThat(entries.count()).isEqualTo(before);
    }

    @Test
    void onlyTheVillageClerkOrTheHouseholdsCadreWriteAndOtherRegionsSeeNothing() {
        Household household = Projects.registered(households, assistance, Projects.VILLAGE);
        String no = household.getApplicationNo();
        LocalDate today = LocalDate.now();
        ResponseEntity<JsonNode> township = post("township.654224101", no, entry(today, "WAGES", 100L, null));
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(township.getBody().get("errors").get("applicationNo").asText()).contains("clerk of village");
        assertThat(account("county.654225", no, today.getYear()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("clerk.654225101205", no, entry(today, "WAGES", 100L, null)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badYear = account(CLERK, no, today.getYear() + 1);
        assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badYear.getBody().get("errors").get("year").asText()).contains("between");
    }
}
