package org.precisionaid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who reads a household's ID numbers and phone in full over /api (ADR 0019): the county office, the auditor of the
 * region and the village's clerk; the village committee, the township, the county bureaus, the city office and the
 * administrator read them masked as on the public notice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdPersonalDataTest {

    static final String VILLAGE = "654224102200";   // 登格克村, 庙尔沟镇, 托里县: no other test uses it
    static final String PHONE = "13912345678";
    static final String MASKED_PHONE = "139****5678";

    @Autowired TestRestTemplate rest;

    ApplicationForm form;
    String applicationNo;

    @BeforeAll
    void theClerkApplies() {
        form = Applications.eligible(VILLAGE, 19019);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk." + VILLAGE, "demo")
                .postForEntity("/api/households", new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        applicationNo = applied.getBody().get("applicationNo").asText();
        assertThat(applied.getBody().get("members").get(0).get("idNumber").asText()).as("the clerk's own answer")
                .isEqualTo(form.members().get(0).idNumber());
    }

    @Test
    void theCountyOfficeTheAuditorAndTheVillagesClerkReadThemInFull() {
        for (String official : List.of("county.654224", "auditor.654224", "auditor.6542", "clerk." + VILLAGE)) {
            JsonNode household = one(official);
            assertThat(household.get("phone").asText()).as(official).isEqualTo(PHONE);
            assertThat(household.get("members").findValuesAsText("idNumber")).as(official)
                    .containsExactlyElementsOf(form.members().stream().map(ApplicationForm.MemberForm::idNumber).toList());
            assertThat(listed(official, "?idNumber=" + form.members().get(0).idNumber()).get("phone").asText())
                    .as(official + " in the list").isEqualTo(PHONE);
        }
    }

    @Test
    void theVillageTheTownshipTheBureausTheCityAndTheAdministratorReadThemMasked() {
        for (String official : List.of("village." + VILLAGE, "township.654224102", "agriculture.654224",
                "finance.654224", "leading_group.654224", "city.6542")) {
            String raw = rest.withBasicAuth(official, "demo").getForObject("/api/households/" + applicationNo,
                    String.class);
            assertMasked(official, raw);
            JsonNode household = one(official);
            assertThat(household.get("phone").asText()).as(official).isEqualTo(MASKED_PHONE);
            assertThat(household.get("members").findValuesAsText("idNumber")).as(official)
                    .containsExactlyElementsOf(form.members().stream().map(m -> ResidentId.mask(m.idNumber())).toList());
            assertThat(household.get("members").get(0).get("name").asText()).isEqualTo("王建国");

            String list = rest.withBasicAuth(official, "demo").getForObject("/api/households?idNumber="
                    + form.members().get(0).idNumber(), String.class);
            assertThat(list).as(official + " finds it by the number he already has").contains(applicationNo);
            assertMasked(official + " in the list", list);
        }
        String admin = rest.withBasicAuth("admin", "test-admin-password")
                .getForObject("/api/households/" + applicationNo, String.class);
        assertMasked("admin", admin);
    }

    @Test
    void theExcelListFollowsTheSameRule() throws Exception {
        String head = form.members().get(0).idNumber();
        assertThat(exported("clerk." + VILLAGE, VILLAGE)).as("the clerk, his own village").containsExactly(head, PHONE);
        assertThat(exported("county.654224", "654224102000")).containsExactly(head, PHONE);
        assertThat(exported("agriculture.654224", "654224102000")).as("a county bureau")
                .containsExactly(ResidentId.mask(head), MASKED_PHONE);
        assertThat(exported("township.654224102", VILLAGE)).containsExactly(ResidentId.mask(head), MASKED_PHONE);
    }

    /** Head's ID number and phone in the household's row of the Excel list the official downloads. */
    private List<String> exported(String official, String region) throws Exception {
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth(official, "demo")
                .getForEntity("/api/households/export?region=" + region, byte[].class);
        assertThat(xlsx.getStatusCode()).as(official).isEqualTo(HttpStatus.OK);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
                if (row.getCell(0).getStringCellValue().equals(applicationNo)) {
                    return List.of(row.getCell(4).getStringCellValue(), row.getCell(11).getStringCellValue());
                }
            }
        }
        throw new AssertionError(applicationNo + " not in the list of " + official);
    }

    @Test
    void anotherVillagesClerkStillDoesNotFindIt() {
        assertThat(rest.withBasicAuth("clerk.654224101201", "demo").getForEntity("/api/households/" + applicationNo,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertMasked(String who, String body) {
        assertThat(body).as(who).doesNotContain(PHONE).contains(MASKED_PHONE);
        for (ApplicationForm.MemberForm member : form.members()) {
            assertThat(body).as(who).doesNotContain(member.idNumber()).contains(ResidentId.mask(member.idNumber()));
        }
    }

    private JsonNode one(String official) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(official, "demo")
                .getForEntity("/api/households/" + applicationNo, JsonNode.class);
        assertThat(response.getStatusCode()).as(official).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode listed(String official, String query) {
        JsonNode list = rest.withBasicAuth(official, "demo").getForObject("/api/households" + query, JsonNode.class);
        for (JsonNode household : list) {
            if (household.get("applicationNo").asText().equals(applicationNo)) {
                return household;
            }
        }
        throw new AssertionError(applicationNo + " not listed for " + official + ": " + list);
    }
}
