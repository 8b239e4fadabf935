package org.precisionaid.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Applications.VILLAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.ApplicationForm.MemberForm;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class HouseholdApiTest {

    static final String CLERK = "clerk.654224101201";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired HouseholdRepository repository;
    @Autowired ObjectMapper json;

    private ResponseEntity<JsonNode> post(String user, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/households", entity(body), JsonNode.class);
    }

    @Test
    void theClerkAppliesAndTheIdentificationCaseStarts() {
        ResponseEntity<JsonNode> response = post(CLERK, Applications.eligible(VILLAGE));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode household = response.getBody();
        String applicationNo = household.get("applicationNo").asText();
        assertThat(response.getHeaders().getLocation().toString()).endsWith("/api/households/" + applicationNo);
        assertThat(household.get("perCapitaIncome").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(household.get("members").get(0).get("sex").asText()).isEqualTo("MALE");
        assertThat(household.get("members").get(0).get("birthDate").asText()).isEqualTo("1980-03-12");
        assertThat(household.get("classification").asText()).isEqualTo("DEVELOPMENT");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).count()).isEqualTo(1);
    }

    @Test
    void aBadIdNumberIsAProblemNamingTheFieldAndNothingIsWritten() {
        ApplicationForm form = Applications.eligible(VILLAGE);
        List<MemberForm> members = new ArrayList<>(form.members());
        MemberForm spouse = members.get(1);
        members.set(1, new MemberForm(spouse.name(), "654224198211050029", "SPOUSE", "HEALTHY", "JUNIOR", "FULL"));
        long before = repository.count();

        ResponseEntity<JsonNode> response = post(CLERK, Applications.form(VILLAGE, form.wages(), form.operatingNet(),
                form.propertyIncome(), form.transferIncome(), false, members));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().get("errors").get("members[1].idNumber").asText()).contains("check character");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemNamingTheFieldAndTheExpectedType() {
        long before = repository.count();
        ResponseEntity<JsonNode> response = post(CLERK, "{\"regionCode\": \"654224101201\", \"wages\": \"abc\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get("wages").asText()).isEqualTo("must be a number");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("wages: must be a number");

        ResponseEntity<JsonNode> nested = post(CLERK,
                "{\"regionCode\": \"654224101201\", \"members\": [{\"name\": \"张三\"}, {\"name\": [1]}]}");
        assertThat(nested.getBody().get("errors").get("members[1].name").asText()).isEqualTo("must be a text");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        ResponseEntity<JsonNode> response = post(CLERK, "{\"regionCode\": \"654224101201\", \"wages\": ");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("title").asText()).contains("Unreadable request");
    }

    @Test
    void onlyTheClerkOfThatVillageMayApply() {
        ResponseEntity<JsonNode> otherVillage = post("clerk.654224101200", Applications.eligible(VILLAGE));
        assertThat(otherVillage.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherVillage.getBody().get("errors").get("regionCode").asText()).contains("clerk-654224101201");
        assertThat(post("township.654224101", Applications.eligible(VILLAGE)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void officialsSeeTheirOwnRegionOnly() {
        String applicationNo = post(CLERK, Applications.eligible(VILLAGE)).getBody().get("applicationNo").asText();
        assertThat(rest.withBasicAuth("township.654224101", "demo")
                .getForEntity("/api/households/" + applicationNo, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("county.654224", "demo")
                .getForEntity("/api/households/" + applicationNo, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("township.654224100", "demo")
                .getForEntity("/api/households/" + applicationNo, JsonNode.class).getStatusCode())
                .as("another township's household is not found").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void searchByRegionStatusAndIdNumber() {
        ApplicationForm form = Applications.eligible(VILLAGE);
        String applicationNo = post(CLERK, form).getBody().get("applicationNo").asText();
        String idNumber = form.members().get(2).idNumber();

        JsonNode byId = rest.withBasicAuth("township.654224101", "demo")
                .getForObject("/api/households?idNumber=" + idNumber, JsonNode.class);
        assertThat(byId).hasSize(1);
        assertThat(byId.get(0).get("applicationNo").asText()).isEqualTo(applicationNo);

        JsonNode byRegionAndStatus = rest.withBasicAuth("county.654224", "demo")
                .getForObject("/api/households?region=654224101000&status=APPLIED&size=200", JsonNode.class);
        assertThat(byRegionAndStatus).extracting(node -> node.get("applicationNo").asText()).contains(applicationNo);

        assertThat(rest.withBasicAuth("township.654224100", "demo")
                .getForObject("/api/households?idNumber=" + idNumber, JsonNode.class)).isEmpty();

        ResponseEntity<JsonNode> badStatus = rest.withBasicAuth("county.654224", "demo")
                .getForEntity("/api/households?status=LOST", JsonNode.class);
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().get("errors").get("status").asText()).contains("'LOST'");
    }

    @Test
    void anApplicationCanBeCorrectedOnlyWhileReturned() {
        ApplicationForm form = Applications.eligible(VILLAGE);
        String applicationNo = post(CLERK, form).getBody().get("applicationNo").asText();
        ResponseEntity<JsonNode> response = rest.withBasicAuth(CLERK, "demo").exchange("/api/households/" + applicationNo,
                HttpMethod.PUT, entity(form), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("only while RETURNED");
    }

    private HttpEntity<Object> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
