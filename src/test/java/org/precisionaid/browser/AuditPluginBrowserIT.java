package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county auditor reviews a finished case in Cockpit through our plugin "审计 / Audit" (Cockpit CE itself lists
 * no finished case): he finds it by its number, opens it, sees the path on the diagram and every step with official
 * and time. The other county's auditor does not find it.
 */
@IntegrationTest
class AuditPluginBrowserIT {

    static final String VILLAGE = "654224100001"; // 镜泉居委会, Toli town

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired AssistanceService assistance;

    @Test
    void theCountyAuditorReviewsAFinishedCaseAndTheOtherCountysAuditorDoesNotFindIt() {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        String applicationNo = flows.applyOverRest(VILLAGE, 9002L);
        flows.approveToAnnouncement(VILLAGE, applicationNo);
        flows.objectionDismissed(VILLAGE, applicationNo, "13712345678");
        flows.noticePeriodEnds(applicationNo);
        flows.register(VILLAGE, applicationNo, Cadres.fresh(assistance, VILLAGE.substring(0, 6), CadreRank.STAFF));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).count()).isZero();

        try (Browser browser = new Browser("http://localhost:" + port, "audit-plugin", "zh-CN")) {
            Tasklist webapp = new Tasklist(browser);
            webapp.login("cockpit", "auditor.654224", "demo");
            browser.open("/camunda/app/cockpit/default/#/audit");
            browser.waitFor(By.cssSelector("form.pa-audit-search"));
            assertThat(browser.pageText()).contains("审计 / Audit").contains("流程"); // our entry, Cockpit in Chinese
            browser.screenshot("1-audit-search");

            browser.type(By.cssSelector("form.pa-audit-search input[name='q']"), applicationNo);
            browser.click(By.cssSelector("form.pa-audit-search button[type='submit']"));
            browser.waitFor(By.xpath("//a[contains(@class,'pa-audit-open') and text()='" + applicationNo + "']"));
            assertThat(browser.pageText()).contains("COMPLETED").contains("REGISTERED");
            browser.screenshot("2-finished-case-found");

            browser.click(By.xpath("//a[contains(@class,'pa-audit-open') and text()='" + applicationNo + "']"));
            browser.waitFor(By.cssSelector(".pa-audit-diagram .djs-element.pa-visited"));
            browser.screenshot("3-case-diagram-path-taken");
            // the auditor scrolls down to the timeline
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.querySelector('table.pa-audit-timeline').scrollIntoView({block: 'start'});");
            browser.waitFor(By.cssSelector("table.pa-audit-timeline"));
            String page = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("return document.querySelector('.pa-audit').innerText;");
            assertThat(page).contains(applicationNo)
                    .contains("clerk." + VILLAGE).contains("village." + VILLAGE)
                    .contains("township.654224100").contains("county.654224")
                    .contains("办结 / Completed").contains("认领 / Claimed").contains("决定 / Decision")
                    .contains("137****5678").doesNotContain("13712345678");
            assertThat(browser.driver.findElements(By.cssSelector(".pa-audit-diagram .djs-element.pa-visited")))
                    .hasSizeGreaterThan(5);
            browser.screenshot("4-case-timeline");

            webapp.logout();
            webapp.login("cockpit", "auditor.654225", "demo");
            browser.open("/camunda/app/cockpit/default/#/audit");
            browser.waitFor(By.cssSelector("form.pa-audit-search"));
            browser.type(By.cssSelector("form.pa-audit-search input[name='q']"), applicationNo);
            browser.click(By.cssSelector("form.pa-audit-search button[type='submit']"));
            browser.waitUntil(driver -> browser.pageText().contains("共 0 件") ? true : null);
            assertThat(browser.pageText()).doesNotContain("COMPLETED");
            browser.screenshot("5-other-county-finds-nothing");
        }
    }
}
