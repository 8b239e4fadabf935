package org.precisionaid.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the year screens (village files, the year's assessment, scoring) ask of the API beyond the procedures' own
 * endpoints: which screens an official uses and where he may act, and whether he keeps the village file he reads.
 */
@IntegrationTest
class YearScreensApiTest {

    static final String VILLAGE = "654224101201"; // 阿勒帕萨勒干村, 铁厂沟镇, 托里县 (a demo village file)

    @Autowired TestRestTemplate rest;

    private JsonNode screens(String user) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity("/api/workbench/screens",
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void eachOfficialGetsTheScreensOfHisWorkAndActsOnlyInHisOwnPlace() {
        JsonNode clerk = screens("clerk." + VILLAGE);
        assertThat(clerk.get("villageFiles").asBoolean()).isTrue();
        assertThat(clerk.get("assessment").asBoolean()).isFalse();
        assertThat(clerk.get("scoring").asBoolean()).isFalse();
        assertThat(clerk.get("keepsVillageFiles").get(0).asText()).isEqualTo(VILLAGE);
        assertThat(clerk.get("countyOffices").size()).isZero();

        JsonNode township = screens("township.654224101");
        assertThat(township.get("villageFiles").asBoolean()).isTrue();
        assertThat(township.get("assessment").asBoolean()).as("follows the findings of its villages").isTrue();
        assertThat(township.get("scoring").asBoolean()).as("scoring is read per county").isFalse();
        assertThat(township.get("keepsVillageFiles").size()).isZero();
        assertThat(township.get("countyOffices").size()).isZero();

        JsonNode county = screens("county.654224");
        assertThat(county.get("villageFiles").asBoolean()).isTrue();
        assertThat(county.get("assessment").asBoolean()).isTrue();
        assertThat(county.get("scoring").asBoolean()).isTrue();
        assertThat(county.get("countyOffices").get(0).asText()).isEqualTo("654224000000");
        assertThat(county.get("countyOffices").size()).isEqualTo(1);

        JsonNode finance = screens("finance.654224");
        assertThat(finance.get("villageFiles").asBoolean() || finance.get("assessment").asBoolean()
                || finance.get("scoring").asBoolean()).as("the finance bureau has none of these screens").isFalse();
        JsonNode cadre = screens("cadre.654224.02");
        assertThat(cadre.get("villageFiles").asBoolean() || cadre.get("assessment").asBoolean()
                || cadre.get("scoring").asBoolean()).as("a cadre sees his own households, not the county").isFalse();
        assertThat(rest.getForEntity("/api/workbench/screens", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theVillageFileSaysWhetherTheReaderKeepsItAndOtherVillagesAreRefused() {
        JsonNode byClerk = rest.withBasicAuth("clerk." + VILLAGE, "demo").getForObject(
                "/api/villages/" + VILLAGE + "/file", JsonNode.class);
        assertThat(byClerk.get("canEdit").asBoolean()).isTrue();
        assertThat(byClerk.get("exitCheck").get("eligible").isBoolean()).as("the DMN's verdict beside the data").isTrue();
        assertThat(rest.withBasicAuth("village." + VILLAGE, "demo").getForObject("/api/villages/" + VILLAGE + "/file",
                JsonNode.class).get("canEdit").asBoolean()).isTrue();
        JsonNode byTownship = rest.withBasicAuth("township.654224101", "demo").getForObject(
                "/api/villages/" + VILLAGE + "/file", JsonNode.class);
        assertThat(byTownship.get("canEdit").asBoolean()).as("a township reads").isFalse();
        assertThat(byTownship.get("exitCheck")).isEqualTo(byClerk.get("exitCheck"));

        JsonNode townshipRows = rest.withBasicAuth("township.654224101", "demo").getForObject(
                "/api/villages?region=654224101000", JsonNode.class);
        assertThat(townshipRows.size()).isGreaterThan(1);
        townshipRows.forEach(row -> assertThat(row.get("canEdit").asBoolean()).isFalse());
        JsonNode clerkRows = rest.withBasicAuth("clerk." + VILLAGE, "demo").getForObject(
                "/api/villages?region=" + VILLAGE, JsonNode.class);
        assertThat(clerkRows.size()).isEqualTo(1);
        assertThat(clerkRows.get(0).get("canEdit").asBoolean()).isTrue();

        ResponseEntity<JsonNode> otherVillage = rest.withBasicAuth("clerk.654224101200", "demo").getForEntity(
                "/api/villages/" + VILLAGE + "/file", JsonNode.class);
        assertThat(otherVillage.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherVillage.getBody().get("errors").get("villageCode").asText()).contains("outside your region");
        ResponseEntity<JsonNode> otherList = rest.withBasicAuth("clerk.654224101200", "demo").getForEntity(
                "/api/villages?region=654224101000", JsonNode.class);
        assertThat(otherList.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherList.getBody().get("errors").get("region").asText()).contains("outside your region");
    }
}
