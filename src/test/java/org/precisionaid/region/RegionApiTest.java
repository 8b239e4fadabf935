package org.precisionaid.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class RegionApiTest {

    @Autowired
    TestRestTemplate rest;

    private TestRestTemplate official() {
        return rest.withBasicAuth("county.654224", "demo");
    }

    @Test
    void theTreeHoldsTheDemoCityWithTwoCountiesOfThreeTownshipsOfFourVillages() {
        JsonNode tree = official().getForObject("/api/regions", JsonNode.class);
        assertThat(tree).hasSize(1);
        JsonNode city = tree.get(0);
        assertThat(city.get("code").asText()).isEqualTo("654200000000");
        assertThat(city.get("nameZh").asText()).isEqualTo("塔城地区");
        assertThat(city.get("children")).hasSize(2);
        for (JsonNode county : city.get("children")) {
            assertThat(county.get("level").asText()).isEqualTo("COUNTY");
            assertThat(county.get("children")).hasSize(3);
            for (JsonNode township : county.get("children")) {
                // village tests add villages of their own (support.Villages, codes <township>3nn); the demo's are 2nn
                List<JsonNode> demoVillages = new java.util.ArrayList<>();
                township.get("children").forEach(village -> {
                    if (village.get("code").asText().charAt(9) == '2') {
                        demoVillages.add(village);
                    }
                });
                assertThat(demoVillages).hasSize(4);
                township.get("children").forEach(village -> assertThat(village.get("code").asText())
                        .startsWith(township.get("code").asText().substring(0, 9)));
            }
        }
    }

    @Test
    void childrenByParent() {
        JsonNode townships = official().getForObject("/api/regions?parent=654224000000", JsonNode.class);
        assertThat(townships).extracting(node -> node.get("nameZh").asText())
                .containsExactly("托里镇", "铁厂沟镇", "庙尔沟镇");
    }

    @Test
    void theGroupOfARoleInARegion() {
        JsonNode group = official().getForObject("/api/regions/654224101201/groups/township", JsonNode.class);
        assertThat(group.get("groupId").asText()).isEqualTo("township-654224101");
    }

    @Test
    void aMalformedCodeIsAProblemNamingTheValue() {
        ResponseEntity<JsonNode> response = official().getForEntity("/api/regions?parent=65422410", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().get("detail").asText()).contains("'65422410'").contains("12-digit");
        assertThat(response.getBody().get("value").asText()).isEqualTo("65422410");
    }

    @Test
    void anUnknownRegionIsNotFoundNamingTheCode() {
        ResponseEntity<JsonNode> response = official().getForEntity("/api/regions/654224999000", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("detail").asText()).contains("654224999000");
    }

    @Test
    void anUnknownRoleIsAProblemNamingTheRole() {
        ResponseEntity<JsonNode> response =
                official().getForEntity("/api/regions/654224101201/groups/mayor", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("'mayor'");
    }

    @Test
    void aRoleAboveItsLevelIsAProblem() {
        ResponseEntity<JsonNode> response =
                official().getForEntity("/api/regions/654224000000/groups/village", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("village").contains("654224000000");
    }
}
