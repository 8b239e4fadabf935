package org.precisionaid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The county hands its townships the household list as Excel; who may read full ID numbers decides what is in it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdExportTest {

    static final String VILLAGE = "654224102204"; // 恰勒尕依村, Miaoergou town
    static final long SEED = 9601L;

    @Autowired TestRestTemplate rest;

    String applicationNo;
    String headId;

    @BeforeAll
    void theClerkApplies() {
        ApplicationForm form = Applications.eligible(VILLAGE, SEED);
        headId = form.members().get(0).idNumber();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk." + VILLAGE, "demo")
                .postForEntity("/api/households", new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(applied.getStatusCode().value()).isEqualTo(201);
        applicationNo = applied.getBody().get("applicationNo").asText();
    }

    @Test
    void theCountyOfficeAndTheAuditorGetFullIdNumbersATownshipGetsThemMasked() throws Exception {
        Row county = rowOf(export("county.654224", "?region=" + VILLAGE));
        assertThat(county.getCell(4).getStringCellValue()).isEqualTo(headId);
        assertThat(county.getCell(11).getStringCellValue()).isEqualTo("13912345678");
        assertThat(county.getCell(3).getStringCellValue()).isEqualTo("王建国");
        assertThat(county.getCell(5).getNumericCellValue()).isEqualTo(4);

        Row auditor = rowOf(export("auditor.654224", "?region=654224000000&status=applied"));
        assertThat(auditor.getCell(4).getStringCellValue()).isEqualTo(headId);

        Row township = rowOf(export("township.654224102", ""));
        assertThat(township.getCell(4).getStringCellValue())
                .isEqualTo(ResidentId.mask(headId)).doesNotContain(headId.substring(6, 14));
        assertThat(township.getCell(11).getStringCellValue()).isEqualTo("139****5678");
    }

    @Test
    void anotherRegionOrABadStatusIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> other = rest.withBasicAuth("township.654224101", "demo")
                .getForEntity("/api/households/export?region=" + VILLAGE, JsonNode.class);
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody().get("errors").get("region").asText()).contains("outside your region");
        ResponseEntity<JsonNode> status = rest.withBasicAuth("county.654224", "demo")
                .getForEntity("/api/households/export?status=LOST", JsonNode.class);
        assertThat(status.getStatusCode().value()).isEqualTo(400);
        assertThat(status.getBody().get("errors").get("status").asText()).contains("REGISTERED");
    }

    private byte[] export(String user, String query) {
        ResponseEntity<byte[]> answer = rest.withBasicAuth(user, "demo").getForEntity("/api/households/export" + query,
                byte[].class);
        assertThat(answer.getStatusCode().value()).as(user).isEqualTo(200);
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).startsWith("households-").endsWith(".xlsx");
        return answer.getBody();
    }

    private Row rowOf(byte[] xlsx) throws Exception {
        XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        Sheet sheet = book.getSheet("贫困户名单");
        assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("户主身份证号");
        for (Row row : sheet) {
            if (applicationNo.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(applicationNo + " not in the export");
    }
}
