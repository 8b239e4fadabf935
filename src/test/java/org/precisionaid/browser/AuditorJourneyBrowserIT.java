package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The county auditor reads a case of his region in Cockpit and can change nothing. */
@IntegrationTest
class AuditorJourneyBrowserIT {

    @LocalServerPort int port;
    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;

    @Test
    void theAuditorReadsTheCaseInCockpitAndCannotCancelIt() {
        String clerk = "clerk." + Applications.VILLAGE;
        String instanceId = as(identity, clerk, () -> starter.apply(Applications.eligible(Applications.VILLAGE), clerk))
                .instance().getId();
        String applicationNo = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getBusinessKey();

        try (Browser browser = new Browser("http://localhost:" + port, "auditor")) {
            Tasklist webapp = new Tasklist(browser);
            webapp.login("cockpit", "auditor.654224", "demo");
            browser.waitFor(By.cssSelector("[cam-widget-header]"));
            browser.waitUntil(driver -> browser.pageText().contains("流程") ? true : null);   // Cockpit in Chinese
            browser.screenshot("cockpit-dashboard");

            // find the case by its application number (business key) in the process's instance list
            String definitionId = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                    .getProcessDefinitionId();
            String search = java.net.URLEncoder.encode("[{\"type\":\"PIbusinessKey\",\"operator\":\"eq\",\"value\":\""
                    + applicationNo + "\"}]", java.nio.charset.StandardCharsets.UTF_8);
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + definitionId
                    + "/runtime?searchQuery=" + search);
            browser.waitFor(By.cssSelector("a[href*='" + instanceId + "']"));
            browser.screenshot("found-by-business-key");
            assertThat(browser.pageText()).contains(applicationNo);
            browser.open("/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
            browser.waitUntil(driver -> browser.pageText().contains("groupEvaluation")
                    || browser.pageText().contains("householdId") ? true : null);
            browser.screenshot("case-in-cockpit");
            assertThat(browser.pageText()).contains(applicationNo);

            // read-only: the engine refuses the auditor's cancel, and the case runs on
            Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
                    fetch('/camunda/api/engine/engine/default/process-instance/' + arguments[0],
                          {method: 'DELETE', headers: {'X-XSRF-TOKEN': token}})
                      .then(function (r) { done(r.status); });
                    """, instanceId);
            assertThat(status).isEqualTo(403L);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);

            // an auditor of the other county does not see it
            webapp.logout();
            webapp.login("cockpit", "auditor.654225", "demo");
            browser.open("/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
            browser.waitFor(By.cssSelector("[cam-widget-header]"));
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            browser.screenshot("other-county-auditor");
            assertThat(browser.pageText()).doesNotContain(applicationNo);
        }
    }
}
