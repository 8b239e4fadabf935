package org.precisionaid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** POST /api/regions/import: an administrator adds a county's division list, all or nothing. Counties 65428x are ours. */
@IntegrationTest
class RegionImportApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RegionService regions;
    @Autowired
    RegionImport importer;

    private ResponseEntity<JsonNode> post(String user, String password, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        return rest.withBasicAuth(user, password).postForEntity("/api/regions/import",
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> asAdmin(String csv) {
        return post("admin", "test-admin-password", csv);
    }

    @Test
    void aCountysListIsImportedParentsFoundAnywhereInTheFileAndAgainChangesNothing() {
        String csv = """
                # 示例县 — an invented county for the test
                code,name_zh,name_en
                654281100201,示例村,Shili Village
                654281100202,"东村, 新",Dongcun Village
                654281100000,示例镇,Shili Town
                654281000000,示例县,Shili County
                """;
        ResponseEntity<JsonNode> first = asAdmin(csv);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("created").asInt()).isEqualTo(4);
        assertThat(first.getBody().get("unchanged").asInt()).isZero();
        assertThat(regions.get("654281100202").getNameZh()).isEqualTo("东村, 新");
        assertThat(regions.get("654281100201").getParentCode()).isEqualTo("654281100000");
        assertThat(regions.get("654281000000").getParentCode()).isEqualTo("654200000000");
        JsonNode villages = rest.withBasicAuth("county.654224", "demo")
                .getForObject("/api/regions?parent=654281100000", JsonNode.class);
        assertThat(villages).extracting(v -> v.get("nameZh").asText()).containsExactly("示例村", "东村, 新");

        ResponseEntity<JsonNode> again = asAdmin(csv);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("created").asInt()).isZero();
        assertThat(again.getBody().get("unchanged").asInt()).isEqualTo(4);
    }

    @Test
    void aNameWithAControlCharacterIsRefusedByItsLineAndNothingIsImported() {
        ResponseEntity<JsonNode> response = asAdmin("654283000000,控制县,Kongzhi County\n"
                + "654283100000,控\u001b[31m制镇,Kongzhi Town\n");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("rule").asText()).isEqualTo("name-text");
        assertThat(error.get("detail").asText()).contains("control character U+001B");
        assertThat(regions.exists("654283000000")).as("all or nothing").isFalse();
    }

    @Test
    void aFormUploadWorksTheSame() {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource("654282000000,上传县,Shangchuan County\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "county.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = rest.withBasicAuth("admin", "test-admin-password")
                .postForEntity("/api/regions/import", new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("created").asInt()).isEqualTo(1);
        assertThat(regions.get("654282000000").getNameEn()).isEqualTo("Shangchuan County");
    }

    @Test
    void everyBrokenRuleIsNamedWithItsLineAndNothingOfTheFileIsImported() {
        String csv = String.join("\n",
                "code,name_zh,name_en",                          // 1 header
                "654283000000,好县,Good County",                  // 2 fine alone
                "654283100000,好镇,Good Town",                    // 3 fine alone
                "65428310020,短村,Short Village",                 // 4 code-format
                "654283000201,跳村,Skipping Village",             // 5 level-gap: village without township digits
                "654283100201,,No Chinese Name",                 // 6 name-required
                "654283100202,两列村",                             // 7 columns
                "654283100000,又一镇,Another Town",                // 8 duplicate of line 3
                "654283999201,孤村,Orphan Village",               // 9 parent-missing: township 654283999 nowhere
                "654224000000,托里,Toli",                          // 10 name-differs: exists as 托里县 / Toli County
                "654224101201,阿勒帕萨勒干村,Alepasalegan Village", // 11 unchanged: fine
                "654283100203,\"未闭合,Open Quote Village");       // 12 columns (quote left open)
        ResponseEntity<JsonNode> response = asAdmin(csv);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().get("title").asText()).contains("nothing imported");
        List<String> errors = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("rule").asText()));
        assertThat(errors).containsExactly("4 code-format", "5 level-gap", "6 name-required", "7 columns",
                "8 duplicate", "9 parent-missing", "10 name-differs", "12 columns");
        JsonNode duplicate = response.getBody().get("errors").get(4);
        assertThat(duplicate.get("code").asText()).isEqualTo("654283100000");
        assertThat(duplicate.get("detail").asText()).contains("line 3");
        assertThat(response.getBody().get("errors").get(6).get("detail").asText()).contains("托里县 / Toli County");
        // the good lines of the refused file were not written either, and the existing region is not renamed
        assertThat(regions.exists("654283000000")).isFalse();
        assertThat(regions.exists("654283100000")).isFalse();
        assertThat(regions.get("654224000000").getNameZh()).isEqualTo("托里县");
    }

    @Test
    void onlyAnAdministratorMayImport() {
        String csv = "654284000000,禁县,Forbidden County\n";
        ResponseEntity<JsonNode> county = post("county.654224", "demo", csv);
        assertThat(county.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(county.getBody().get("title").asText()).contains("Forbidden");
        assertThat(post("city.6542", "demo", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(regions.exists("654284000000")).isFalse();
    }

    @Test
    void anOversizedFileIsRefusedWhole() {
        assertThatThrownBy(() -> importer.importCsv(new byte[RegionImport.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(RegionImportException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("too-large"));
    }
}
