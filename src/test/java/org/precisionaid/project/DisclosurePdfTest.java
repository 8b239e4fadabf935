package org.precisionaid.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.HouseholdView;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Printed;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The project and fund disclosure printed for the notice board: read back from the PDF. */
@IntegrationTest
class DisclosurePdfTest {

    /** 恰勒尕依村, 庙尔沟镇, 托里县 */
    static final String VILLAGE = "654224102204";

    @Autowired TestRestTemplate rest;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;

    @Test
    void anyoneGetsTheDisclosureWithFundsAndHouseholdsButNoIdsOrPhones() throws IOException {
        List<String> beneficiaries = Projects.registered(households, assistance, VILLAGE, 2);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk." + VILLAGE, "demo").postForEntity("/api/projects",
                new HttpEntity<>(Projects.sheep(VILLAGE, beneficiaries), headers), JsonNode.class);
        assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.CREATED);
        String projectNo = applied.getBody().get("projectNo").asText();
        complete("township.654224102", projectNo, "townshipDecision");
        complete("county.654224", projectNo, "countyDecision");
        complete("agriculture.654224", projectNo, "leadUnitDecision");
        complete("county.654224", projectNo, "approvalDecision");

        ResponseEntity<byte[]> response = rest.getForEntity("/public/projects.pdf?region=" + VILLAGE, byte[].class);

        assertThat(response.getStatusCode()).as("no login needed").isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Printed.save("projects-" + VILLAGE, response.getBody());
        String text = Printed.text(response.getBody());
        assertThat(text).contains("扶贫项目资金公示").contains(projectNo).contains("120,000.00").contains("80,000.00")
                .contains("户主 / Heads of household").contains("公示截止 / Disclosure ends").contains("托里县扶贫办")
                .contains("/public/projects.html?region=" + VILLAGE);
        for (String applicationNo : beneficiaries) {
            HouseholdView household = households.view(applicationNo);
            assertThat(text).contains(household.members().get(0).name());
            for (HouseholdView.MemberView member : household.members()) {
                assertThat(text).doesNotContain(member.idNumber()).doesNotContain(member.idNumber().substring(0, 10));
            }
            assertThat(text).doesNotContain(household.phone());
        }
    }

    @Test
    void aBadRegionIsAProblemNamingTheFieldAndAnUnknownOneIsNotFound() {
        for (String bad : new String[] {"abc", "6542241022", "654200000000"}) {
            ResponseEntity<JsonNode> response = rest.getForEntity("/public/projects.pdf?region=" + bad, JsonNode.class);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("errors").get("region").asText()).as(bad).isNotBlank();
        }
        assertThat(rest.getForEntity("/public/projects.pdf?region=654224102299", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePublicPageLinksToThePrintableDisclosure() {
        assertThat(rest.getForObject("/public/projects.html", String.class)).contains("打印 / Print (PDF)")
                .contains("<script src=\"projects.js\">");
        assertThat(rest.getForObject("/public/projects.js", String.class))
                .contains("'projects.pdf?region=' + encodeURIComponent(");
    }

    private void complete(String official, String projectNo, String field) {
        Officials.as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(projectNo).singleResult();
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), java.util.Map.of(field, "approve"));
        });
    }
}
