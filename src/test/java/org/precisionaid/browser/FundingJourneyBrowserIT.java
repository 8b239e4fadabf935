package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionaid.project.ProjectRepository;
import org.precisionaid.project.ProjectService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.HouseholdView;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Printed;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A village project in the browser: the clerk applies with the Tasklist start form, the township, the county
 * office, the agriculture bureau and the approver decide in their own Tasklists, the public reads the disclosure,
 * and after implementation the county accepts it; the public page then shows what was disbursed.
 */
@IntegrationTest
class FundingJourneyBrowserIT {

    static final String VILLAGE = Projects.VILLAGE;
    static final String CLERK = "clerk." + VILLAGE;

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HouseholdService households;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;
    @Autowired ProjectService projects;
    @Autowired ProjectRepository repository;
    @Autowired TestRestTemplate rest;

    @Test
    void aProjectFromApplicationThroughReviewsAndDisclosureToAcceptance() throws java.io.IOException {
        List<String> beneficiaries = Projects.registered(households, assistance, VILLAGE, 2);
        HouseholdView first = households.view(beneficiaries.get(0));

        try (Browser browser = new Browser("http://localhost:" + port, "funding")) {
            Tasklist tasklist = new Tasklist(browser);
            tasklist.login("tasklist", CLERK, "demo");
            tasklist.startProcess("扶贫项目资金");
            browser.screenshot("start-form");
            tasklist.fill("申报地区代码 / Region code", VILLAGE);
            tasklist.choose("项目类型 / Project type", "产业扶贫 / Industry");
            tasklist.fill("项目名称 / Project name", "新华村肉羊养殖 / Xinhua sheep farming");
            tasklist.fill("实施单位 / Implementing unit", "新华村股份经济合作社");
            tasklist.pickToday("开工日期 / Start date");
            tasklist.pickToday("完工日期 / End date");
            tasklist.fill("产出内容 / What is delivered", "良种母羊");
            tasklist.fill("数量 / Quantity", "10");
            tasklist.fill("单位 / Unit", "只");
            tasklist.fill("项目总额（元） / Total (yuan)", "60000");
            tasklist.choose("资金来源1 / Fund source 1", "中央财政专项扶贫资金");
            tasklist.fill("金额1（元） / Amount 1 (yuan)", "60000");
            tasklist.fill("受益户1 申请编号 / Household 1 application no.", beneficiaries.get(0));
            tasklist.fill("计划帮扶内容1 / Planned benefit 1", "母羊5只");
            tasklist.fill("受益户2 申请编号 / Household 2 application no.", beneficiaries.get(1));
            tasklist.fill("计划帮扶内容2 / Planned benefit 2", "母羊5只");
            browser.screenshot("start-form-filled");
            long before = repository.count();
            tasklist.submitStartForm();
            try {
                browser.waitUntil(driver -> repository.count() > before);
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("not-started");
                throw new AssertionError("not started; page says: " + browser.pageText(), e);
            }
            browser.screenshot("started");
            String projectNo = runtime.createProcessInstanceQuery().processDefinitionKey("funding")
                    .variableValueEquals("regionCode", VILLAGE).orderByProcessInstanceId().desc().listPage(0, 1).get(0)
                    .getBusinessKey();

            openOwnTask(browser, tasklist, "township.654224101", projectNo, "townshipReview");
            assertThat(browser.pageText()).contains(projectNo).contains("60,000.00")
                    .contains(first.members().get(0).name()).doesNotContain(first.members().get(0).idNumber());
            tasklist.radio("同意 / Approve");
            browser.screenshot("township-review-filled");
            completeAndWaitFor(browser, tasklist, projectNo);

            openOwnTask(browser, tasklist, "county.654224", projectNo, "countyReview");
            tasklist.radio("同意 / Approve");
            completeAndWaitFor(browser, tasklist, projectNo);

            Task leadUnit = taskOf(projectNo);
            tasklist.logout();
            tasklist.login("tasklist", "water.654224", "demo");
            assertThat(tasklist.listsTask(leadUnit.getId())).as("the water bureau does not review sheep").isFalse();
            browser.screenshot("water-bureau-sees-nothing");
            openOwnTask(browser, tasklist, "agriculture.654224", projectNo, "leadUnitReview");
            assertThat(browser.pageText()).contains("agriculture");
            tasklist.radio("同意 / Approve");
            tasklist.fill("意见说明", "品种和草场承载力符合要求");
            browser.screenshot("lead-unit-review-filled");
            completeAndWaitFor(browser, tasklist, projectNo);

            openOwnTask(browser, tasklist, "county.654224", projectNo, "approval");
            tasklist.radio("同意 / Approve");
            tasklist.complete();
            browser.waitUntil(driver -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectNo)
                    .activityIdIn("disclosurePeriodOver").count() == 1);
            tasklist.logout();

            // the disclosure, public and without login: amounts by source and households per village, no ID numbers
            browser.open("/public/projects.html?region=" + VILLAGE);
            browser.waitFor(By.cssSelector("article[data-project-no='" + projectNo + "']"));
            String disclosure = browser.pageText();
            assertThat(disclosure).contains("公示中 / Under public disclosure").contains("60,000.00")
                    .doesNotContain(first.members().get(0).idNumber()).doesNotContain(first.phone());
            browser.screenshot("public-disclosure");
            org.openqa.selenium.WebElement print = browser.driver.findElement(By.id("printLink"));
            assertThat(print.getText()).isEqualTo("打印 / Print (PDF)");
            byte[] sheet = rest.getForObject(print.getAttribute("href"), byte[].class);
            Printed.save("projects-" + VILLAGE, sheet);
            assertThat(Printed.text(sheet)).contains(projectNo).contains("60,000.00")
                    .doesNotContain(first.members().get(0).idNumber());

            // the disclosure period passes; finance allocates and the clerk reports completion
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectNo).singleResult()
                    .getId();
            management.executeJob(management.createJobQuery().processInstanceId(instance)
                    .activityId("disclosurePeriodOver").singleResult().getId());
            completeAs("finance.654224", projectNo, Map.of("voucherNo", "TL-CZ-2026-1101"));
            completeAs(CLERK, projectNo, Map.of("progressPercent", 100L, "progressNote", "10只母羊已全部到户"));

            openOwnTask(browser, tasklist, "county.654224", projectNo, "acceptance");
            assertThat(browser.pageText()).contains("TL-CZ").doesNotContain("TL-CZ-2026-1101-");
            tasklist.radio("验收通过 / Accepted");
            tasklist.fill("验收意见", "入户核验，母羊在栏");
            browser.screenshot("acceptance-filled");
            completeAndWaitFor(browser, tasklist, projectNo);
            tasklist.logout();

            completeAs("finance.654224", projectNo,
                    Map.of("trancheSource", "CENTRAL", "trancheAmount", 60000.0, "trancheVoucher", "TL-P-1102"));
            browser.open("/public/projects.html?region=654224000000");
            browser.waitFor(By.cssSelector("article[data-project-no='" + projectNo + "']"));
            assertThat(browser.driver.findElement(By.cssSelector("article[data-project-no='" + projectNo + "']"))
                    .getText()).contains("已完成 / Completed").contains("60,000.00");
            browser.screenshot("public-results");
            assertThat(projects.view(projectNo).status()).isEqualTo("CLOSED");
        }
    }

    private void openOwnTask(Browser browser, Tasklist tasklist, String official, String projectNo, String key) {
        Task task = taskOf(projectNo);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        tasklist.logout();
        tasklist.login("tasklist", official, "demo");
        assertThat(tasklist.listsTask(task.getId())).as(official + " sees " + key + " in his list").isTrue();
        tasklist.openTask(task.getId());
        tasklist.claim();
        browser.waitFor(By.cssSelector(".fjs-form"));
        browser.screenshot(key + "-form");
    }

    private void completeAndWaitFor(Browser browser, Tasklist tasklist, String projectNo) {
        String done = taskOf(projectNo).getId();
        tasklist.complete();
        try {
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(done).count() == 0);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("not-completed");
            throw new AssertionError("task not completed; page says: " + browser.pageText(), e);
        }
    }

    private void completeAs(String official, String projectNo, Map<String, Object> variables) {
        as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(projectNo).singleResult();
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    private Task taskOf(String projectNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(projectNo).singleResult();
    }
}
