package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.Cadre;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Printed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One application through every level in Tasklist, each step by a different official of the right region,
 * then the public notice page and an objection the township answers, registration with a cadre picked from the
 * list, and that cadre's first visit recorded from Tasklist.
 */
@IntegrationTest
class ReviewJourneyBrowserIT {

    static final String VILLAGE = Applications.VILLAGE;
    /** Demo cadre 刘志强 of Toli county (county rank: 2 households in Tacheng). */
    static final String CADRE = "cadre.654224.02";

    @LocalServerPort int port;
    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;
    @Autowired TestRestTemplate rest;

    @Test
    void everyLevelReviewsInItsOwnTasklistAndThePublicMayObject() throws java.io.IOException {
        ApplicationForm form = Applications.eligible(VILLAGE);
        String applicationNo = as(identity, "clerk." + VILLAGE, () -> starter.apply(form, "clerk." + VILLAGE))
                .household().getApplicationNo();

        try (Browser browser = new Browser("http://localhost:" + port, "reviews")) {
            Tasklist tasklist = new Tasklist(browser);

            String groupTask = openOwnTask(browser, tasklist, "clerk." + VILLAGE, applicationNo, "groupEvaluation");
            assertThat(browser.pageText()).contains("王建国").contains("2,000.00").contains("DEVELOPMENT");
            tasklist.pickToday("会议日期 / Meeting date");
            tasklist.fill("出席人数 / Attendees", "28");
            tasklist.fill("赞成票 / Votes for", "21");
            tasklist.fill("评议记录 / Minutes", "第三村民小组会议，28人出席，21人赞成");
            browser.screenshot("group-evaluation-filled");
            completeAndWaitFor(browser, tasklist, applicationNo, groupTask);

            String villageTask = openOwnTask(browser, tasklist, "village." + VILLAGE, applicationNo, "villageReview");
            assertThat(browser.pageText()).contains("赞成 21 / 出席 28");
            tasklist.radio("同意 / Approve");
            tasklist.pickToday("村内公示日期 / Date posted in the village");
            browser.screenshot("village-review-filled");
            completeAndWaitFor(browser, tasklist, applicationNo, villageTask);

            String townshipTask = taskOf(applicationNo).getId();
            tasklist.logout();
            tasklist.login("tasklist", "township.654224100", "demo");
            assertThat(tasklist.listsTask(townshipTask)).as("another township's reviewer does not see it").isFalse();
            browser.screenshot("other-township-sees-nothing");
            tasklist.logout();

            openOwnTask(browser, tasklist, "township.654224101", applicationNo, "townshipReview");
            tasklist.check("已入户核实 / Household visited");
            tasklist.radio("同意 / Approve");
            browser.screenshot("township-review-filled");
            completeAndWaitFor(browser, tasklist, applicationNo, townshipTask);

            String countyTask = openOwnTask(browser, tasklist, "county.654224", applicationNo, "countyReview");
            tasklist.radio("同意 / Approve");
            browser.screenshot("county-review-filled");
            tasklist.complete();
            browser.waitUntil(driver -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                    .activityIdIn("noticePeriodOver").count() == 1);
            tasklist.logout();
            assertThat(countyTask).isNotBlank();

            // the public notice: no login, the ID number masked
            browser.open("/public/notices.html?village=" + VILLAGE);
            browser.waitFor(By.xpath("//td[text()='" + applicationNo + "']"));
            String page = browser.pageText();
            assertThat(page).contains(ResidentId.mask(form.members().get(0).idNumber()))
                    .doesNotContain(form.members().get(0).idNumber()).doesNotContain(form.phone());
            browser.screenshot("public-notice");
            // the clerk prints it for the village board
            org.openqa.selenium.WebElement print = browser.driver.findElement(By.id("printLink"));
            assertThat(print.getText()).isEqualTo("打印 / Print (PDF)");
            assertThat(print.getAttribute("href")).endsWith("/public/notices.pdf?village=" + VILLAGE);
            byte[] notice = rest.getForObject(print.getAttribute("href"), byte[].class);
            Printed.save("notice-" + VILLAGE, notice);
            assertThat(Printed.text(notice)).contains(applicationNo)
                    .contains(ResidentId.mask(form.members().get(0).idNumber()))
                    .doesNotContain(form.members().get(0).idNumber());
            browser.driver.findElement(By.id("reason")).sendKeys("该户儿子在县城开餐馆，收入较高，请核实");
            browser.click(By.id("submitObjection"));
            browser.waitUntil(driver -> browser.driver.findElement(By.id("objectionMessage")).getText()
                    .contains("received") ? true : null);
            browser.screenshot("objection-received");

            String investigation = openOwnTask(browser, tasklist, "township.654224101", applicationNo,
                    "investigateObjection");
            assertThat(browser.pageText()).contains("该户儿子在县城开餐馆");
            tasklist.radio("异议不成立");
            tasklist.fill("调查情况 / What the investigation found", "经入户核实，餐馆为其亲戚所开，与该户无关");
            browser.screenshot("objection-investigation-filled");
            tasklist.complete();
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(investigation).count() == 0);
            browser.screenshot("objection-answered");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                    .activityIdIn("noticePeriodOver").count()).as("the notice runs on after a dismissed objection")
                    .isEqualTo(1);

            // the notice period ends; the township registers the household and picks its cadre from the list
            String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                    .singleResult().getId();
            management.executeJob(management.createJobQuery().processInstanceId(instanceId)
                    .activityId("noticePeriodOver").singleResult().getId());
            String registration = openOwnTask(browser, tasklist, "township.654224101", applicationNo, "registration");
            tasklist.choose("帮扶责任人 / Responsible cadre", "刘志强（县处级，剩余2户）/ Liu Zhiqiang (county, 2 left)");
            assertThat(browser.pageText()).as("no cadre's phone in the form").doesNotContain("13809010");
            tasklist.fill("帮扶措施 / Support measures", "发展养殖：30只羊；技能培训 / Sheep farming and skills training");
            tasklist.fill("计划脱贫年度 / Planned exit year", String.valueOf(java.time.Year.now().getValue() + 1));
            browser.screenshot("registration-filled");
            completeAndWaitFor(browser, tasklist, applicationNo, registration);
            long householdId = households.get(applicationNo).getId();
            Cadre cadre = assistance.cadreOfUser(CADRE).orElseThrow();
            assertThat(households.fileCard(householdId).orElseThrow().getCadreId()).isEqualTo(cadre.getId());
            // the township prints the household's assistance card (明白卡) and leaves it with the household
            byte[] card = rest.withBasicAuth("township.654224101", "demo")
                    .getForObject("/api/households/" + applicationNo + "/card.pdf", byte[].class);
            Printed.save("card-" + applicationNo, card);
            assertThat(Printed.text(card)).contains("刘志强").contains(cadre.getPhone()).contains("30只羊");

            // the cadre records his first visit from Tasklist: start "帮扶工作台账", pick the household
            tasklist.logout();
            tasklist.login("tasklist", CADRE, "demo");
            tasklist.startProcess("帮扶工作台账");
            browser.screenshot("cadre-visit-start");
            tasklist.submitStartForm();
            String entry = browser.waitUntil(driver -> {
                Task task = tasks.createTaskQuery().taskAssignee(CADRE).taskDefinitionKey("recordVisit").singleResult();
                return task == null ? null : task.getId();
            });
            assertThat(tasklist.listsTask(entry, "我的任务 / Claimed by me")).as("the entry is in his own list").isTrue();
            browser.screenshot("cadre-visit-in-list");
            tasklist.openTask(entry);
            browser.waitFor(By.cssSelector(".fjs-form"));
            tasklist.choose("结对户 / Household", applicationNo);
            tasklist.pickToday("日期 / Date");
            tasklist.choose("类型 / Kind", "走访慰问 / Visit");
            tasklist.fill("做了什么 / What was done", "入户走访，了解羊羔防疫情况 / Visited, checked the lambs' vaccination");
            browser.screenshot("cadre-visit-filled");
            tasklist.complete();
            try {
                browser.waitUntil(driver -> assistance.visitsOfHousehold(householdId, 5).isEmpty() ? null : true);
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("visit-not-recorded");
                throw new AssertionError("visit not recorded; page says: " + browser.pageText(), e);
            }
            browser.screenshot("cadre-visit-recorded");
            assertThat(assistance.visitsOfHousehold(householdId, 5).get(0).getRecordedBy()).isEqualTo(CADRE);
        }
    }

    /** Logs the official in, checks the task is in his list, opens and claims it. */
    private String openOwnTask(Browser browser, Tasklist tasklist, String official, String applicationNo, String key) {
        Task task = taskOf(applicationNo);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        tasklist.logout();
        tasklist.login("tasklist", official, "demo");
        assertThat(tasklist.listsTask(task.getId())).as(official + " sees " + key + " in his list").isTrue();
        browser.screenshot(key + "-in-list");
        tasklist.openTask(task.getId());
        browser.screenshot(key + "-opened");
        tasklist.claim();
        browser.waitFor(By.cssSelector(".fjs-form"));
        browser.screenshot(key + "-form");
        return task.getId();
    }

    private void completeAndWaitFor(Browser browser, Tasklist tasklist, String applicationNo, String doneTask) {
        tasklist.complete();
        try {
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(doneTask).count() == 0);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("not-completed");
            throw new AssertionError("task not completed; page says: " + browser.pageText(), e);
        }
    }

    private Task taskOf(String applicationNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
    }
}
