package org.precisionaid.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
    void theTreeHoldsTheRealDivisionsOfTachengPrefecture() {
        JsonNode tree = official().getForObject("/api/regions", JsonNode.class);
        assertThat(tree).hasSize(1);
        JsonNode city = tree.get(0);
        assertThat(city.get("code").asText()).isEqualTo("654200000000");
        assertThat(city.get("nameZh").asText()).isEqualTo("塔城地区");
        // other tests import counties of their own under the prefecture: the real seven are there
        assertThat(city.get("children")).extracting(county -> county.get("nameZh").asText())
                .contains("塔城市", "乌苏市", "沙湾市", "额敏县", "托里县", "裕民县", "和布克赛尔蒙古自治县");
        int villages = 0;
        for (JsonNode county : city.get("children")) {
            assertThat(county.get("level").asText()).isEqualTo("COUNTY");
            for (JsonNode township : county.get("children")) {
                assertThat(township.get("level").asText()).isEqualTo("TOWNSHIP");
                for (JsonNode village : township.get("children")) {
                    assertThat(village.get("code").asText()).startsWith(township.get("code").asText().substring(0, 9));
                    villages++;
                }
            }
        }
        assertThat(villages).isGreaterThanOrEqualTo(1352);
    }

    @Test
    void childrenByParent() {
        JsonNode townships = official().getForObject("/api/regions?parent=654224000000", JsonNode.class);
        assertThat(townships).extracting(node -> node.get("nameZh").asText())
                .containsExactly("托里镇", "铁厂沟镇", "庙尔沟镇", "哈图镇", "多拉特乡", "乌雪特乡", "库普乡", "阿克别里斗乡",
                        "白杨河林场", "老风口林场", "巴尔鲁克山塔斯特林场", "兵团农九师一七零团");
        JsonNode villages = official().getForObject("/api/regions?parent=654224101000", JsonNode.class);
        assertThat(villages).extracting(node -> node.get("nameZh").asText() + " / " + node.get("nameEn").asText())
                .contains("阿勒帕萨勒干村 / Alepasalegan Village", "南湾村 / Nanwan Village");
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
