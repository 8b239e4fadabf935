package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionaid.inspection.InspectionFinding;
import org.precisionaid.inspection.InspectionService;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An inspection round from plan to closed finding: the county office plans a round of one village on its page (a share over 100 % refused next to its field, the re-draw with the seed the same), the
 * county's inspector records a finding in Tasklist (a finding without its description is refused next to the field),
 * the township rectifies in Tasklist, the inspector closes it; the township never sees the inspector's task.
 */
@IntegrationTest
class InspectionBrowserIT {

    static final String COUNTY = "county.654224";
    static final String INSPECTOR = "inspector.654224";
    static final String TOWNSHIP = "township." + Villages.TOWNSHIP;

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService tasks;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired InspectionService inspections;

    private String loggedIn;

    @Test
    void theCountyPlansTheInspectorFindsTheTownshipRectifiesAndTheInspectorCloses() {
        String village = Villages.fresh(regions, officials);
        Villages.registered(households, village, LocalDate.now().getYear() + 1);

        try (Browser browser = new Browser("http://localhost:" + port, "inspection")) {
            Tasklist tasklist = new Tasklist(browser);
            // the county office plans the round on its page: a share over 100 % is named next to its field first
            login(tasklist, COUNTY);
            browser.open("/reports/inspections.html");
            browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            browser.type(By.id("regionCode"), village);
            browser.type(By.id("percent"), "150");
            browser.type(By.id("minimumPerVillage"), "1");
            browser.click(By.id("plan-round"));
            browser.waitUntil(d -> !d.findElement(By.id("error-percent")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("error-percent")).getText()).contains("at most 100");
            assertThat(inspections.rounds(village.substring(0, 12))).as("nothing planned").isEmpty();
            browser.screenshot("plan-round-refused");
            browser.type(By.id("percent"), "5");
            // the projects register too: the village has no funded project, so its households alone are drawn
            browser.click(By.cssSelector("input[name=registers][value=PROJECTS]"));
            browser.click(By.id("plan-round"));
            browser.waitUntil(d -> d.findElement(By.id("planned")).getText().contains("已计划并抽样"));
            String roundNo = browser.driver.findElement(By.id("round-title")).getText().replace("轮次 / Round", "").strip();
            assertThat(browser.driver.findElement(By.id("round-meta")).getText()).contains("抽中 / drawn 1 / 1")
                    .contains("每乡镇至少项目 / projects at least per township 1");
            browser.click(By.id("redraw"));
            browser.waitUntil(d -> d.findElement(By.id("redrawn")).getText().contains("一致"));
            browser.screenshot("plan-round-drawn");

            Task inspect = tasks.createTaskQuery().processInstanceBusinessKey(roundNo).taskDefinitionKey("inspectCase")
                    .singleResult();
            // unannounced: the township's list does not hold the inspector's task
            login(tasklist, TOWNSHIP);
            assertThat(tasklist.listsTask(inspect.getId())).isFalse();

            open(browser, tasklist, INSPECTOR, inspect.getId());
            assertThat(browser.pageText()).contains("抽查核实").contains("户号 / Household");
            tasklist.check("已核对收支台账");
            tasklist.check("已核对帮扶走访记录");
            tasklist.radio("发现问题 / Finding");
            tasklist.choose("问题类型 / Kind of finding", "收支台账不实");
            tasklist.radio("严重 / Serious");
            tasklist.radio("乡镇 / Township");
            tasklist.complete();
            browser.waitUntil(driver -> browser.pageText().contains("请更正") ? true : null);
            assertThat(browser.pageText()).contains("findingDescription");
            browser.screenshot("inspect-case-refused");
            // the official closes the message, which lies over the form's buttons
            for (org.openqa.selenium.WebElement close : browser.driver.findElements(
                    By.cssSelector(".page-notifications .close"))) {
                ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].click();", close);
            }
            browser.waitUntil(driver -> driver.findElements(By.cssSelector(".page-notifications .alert")).isEmpty()
                    ? true : null);
            assertThat(tasks.createTaskQuery().taskId(inspect.getId()).count()).as("still open").isOne();
            tasklist.fill("问题描述 / What was found", "台账缺少三至六月务工收入 / wages of March to June missing");
            browser.screenshot("inspect-case-finding");
            tasklist.complete();
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(inspect.getId()).count() == 0 ? true : null);

            InspectionFinding finding = inspections.findings(inspections.round(roundNo).getId()).get(0);
            Task rectify = browser.waitUntil(driver -> tasks.createTaskQuery()
                    .processInstanceBusinessKey(finding.getFindingNo()).taskDefinitionKey("rectify").singleResult());
            open(browser, tasklist, TOWNSHIP, rectify.getId());
            assertThat(browser.pageText()).contains("问题整改").contains("wages of March to June missing");
            tasklist.fill("整改情况 / What was done", "已补记务工收入并附工资单 / wages entered, payslips filed");
            browser.screenshot("township-rectifies");
            tasklist.complete();
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(rectify.getId()).count() == 0 ? true : null);

            Task verify = browser.waitUntil(driver -> tasks.createTaskQuery()
                    .processInstanceBusinessKey(finding.getFindingNo()).taskDefinitionKey("verifyRectification")
                    .singleResult());
            open(browser, tasklist, INSPECTOR, verify.getId());
            assertThat(browser.pageText()).contains("payslips filed");
            tasklist.radio("整改到位，销号 / Rectified: close");
            browser.screenshot("inspector-closes");
            tasklist.complete();
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(verify.getId()).count() == 0 ? true : null);
            assertThat(inspections.findings(inspections.round(roundNo).getId()).get(0).getStatus())
                    .isEqualTo(InspectionFinding.Status.CLOSED);
            assertThat(inspections.round(roundNo).getStatus())
                    .isEqualTo(org.precisionaid.inspection.InspectionRound.Status.CLOSED);
        }
    }

    private void login(Tasklist tasklist, String official) {
        if (!official.equals(loggedIn)) {
            tasklist.logout();
            tasklist.login("tasklist", official, "demo");
            loggedIn = official;
        }
    }

    private void open(Browser browser, Tasklist tasklist, String official, String taskId) {
        login(tasklist, official);
        tasklist.listsTask(taskId);
        browser.waitFor(By.cssSelector("[cam-tasks] a[href*='" + taskId + "']"));
        tasklist.openTask(taskId);
        tasklist.claim();
        browser.waitFor(By.cssSelector(".fjs-form"));
    }
}
