package org.precisionaid.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Year;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.support.Applications;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Printed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The household's assistance card (明白卡), printed by an official of its region: read back from the PDF. */
@IntegrationTest
class AssistanceCardTest {

    /** 萨尔加克村, 庙尔沟镇, 托里县 */
    static final String VILLAGE = "654224102203";

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;

    private CaseFlows flows() {
        return new CaseFlows(rest, identity, tasks, runtime, management, objections);
    }

    @Test
    void theTownshipPrintsTheCardWithMembersCadreHisPhoneMeasuresAndExitYearButNoIdNumber() throws IOException {
        long seed = 14101;
        String applicationNo = registered(seed);
        ApplicationForm form = Applications.eligible(VILLAGE, seed);
        long cadreId = households.fileCard(households.get(applicationNo).getId()).orElseThrow().getCadreId();
        Cadre cadre = assistance.cadre(cadreId);

        ResponseEntity<byte[]> response = rest.withBasicAuth("township.654224102", "demo")
                .getForEntity("/api/households/" + applicationNo + "/card.pdf", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Printed.save("card-" + VILLAGE, response.getBody());
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(pdf);
            String cardNo = households.view(applicationNo).fileCard().cardNo();
            assertThat(text).contains("扶贫帮扶明白卡").contains(cardNo).contains(applicationNo);
            for (var member : form.members()) {
                assertThat(text).as("member's name").contains(member.name());
                assertThat(text).as("no ID number of any member, not even masked")
                        .doesNotContain(member.idNumber()).doesNotContain(ResidentId.mask(member.idNumber()));
            }
            assertThat(text).contains("户主 / Head of household").contains("配偶 / Spouse");
            assertThat(text).as("who helps and how to reach him").contains(cadre.getUnit().getName())
                    .contains(cadre.getName()).contains(cadre.getPhone());
            assertThat(text).contains("发展养殖：30只羊").contains((Year.now().getValue() + 1) + " 年");
            assertThat(text).as("the household's own phone is not on its card").doesNotContain(form.phone());
        }
    }

    @Test
    void theVillageClerkMayPrintItTooButNoOfficialOfAnotherRegion() {
        String applicationNo = registered(14102);
        assertThat(card("clerk." + VILLAGE, applicationNo).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(card("county.654224", applicationNo).getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String outsider : new String[] {"township.654224101", "clerk.654224102202", "county.654225"}) {
            ResponseEntity<JsonNode> refused = rest.withBasicAuth(outsider, "demo")
                    .getForEntity("/api/households/" + applicationNo + "/card.pdf", JsonNode.class);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody().get("title").asText()).as("as if it did not exist").contains("Unknown application");
        }
    }

    @Test
    void noCardWithoutLogin() {
        String applicationNo = registered(14103);
        ResponseEntity<JsonNode> anonymous = rest.getForEntity("/api/households/" + applicationNo + "/card.pdf",
                JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anUnknownApplicationIsNotFoundAndAnUnregisteredOneHasNoCardYet() {
        ResponseEntity<JsonNode> unknown = rest.withBasicAuth("township.654224102", "demo")
                .getForEntity("/api/households/SQ-2026-654224102203-999999/card.pdf", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String applied = flows().applyOverRest(VILLAGE, 14104);
        ResponseEntity<JsonNode> early = rest.withBasicAuth("township.654224102", "demo")
                .getForEntity("/api/households/" + applied + "/card.pdf", JsonNode.class);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("when it is registered");
    }

    private ResponseEntity<byte[]> card(String user, String applicationNo) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/households/" + applicationNo + "/card.pdf",
                byte[].class);
    }

    private String registered(long seed) {
        CaseFlows flows = flows();
        String applicationNo = flows.applyOverRest(VILLAGE, seed);
        flows.approveToAnnouncement(VILLAGE, applicationNo);
        flows.noticePeriodEnds(applicationNo);
        flows.register(VILLAGE, applicationNo, Cadres.fresh(assistance, "654224", CadreRank.STAFF));
        return applicationNo;
    }
}
