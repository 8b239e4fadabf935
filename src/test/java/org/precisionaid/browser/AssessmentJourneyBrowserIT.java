package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A registered household's year in Tasklist: the clerk records this year's income in the account, confirms the
 * account and the guarantees, the DMN proposes the exit, the clerk records the democratic evaluation and the
 * household's consent, the public sees the exit notice, the county approves, and the household is EXITED and
 * announced.
 */
@IntegrationTest
class AssessmentJourneyBrowserIT {

    static final String VILLAGE = "654224101200";   // 南湾村, 铁厂沟镇, 托里县
    static final String CLERK = "clerk." + VILLAGE;
    static final int YEAR = LocalDate.now().getYear();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;

    @Test
    void aHouseholdsYearFromTheAccountToLeavingPoverty() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String no = household.getApplicationNo();
        int members = households.view(no).members().size();
        // last year's account was kept already: well above last year's line
        accounts.record(no, new IncomeAccounts.NewEntry(LocalDate.of(YEAR - 1, 10, 1), "WAGES", 1_000_000L * members,
                "去年务工 / last year's wages"), CLERK);

        try (Browser browser = new Browser("http://localhost:" + port, "assessment")) {
            Tasklist tasklist = new Tasklist(browser);
            tasklist.login("tasklist", CLERK, "demo");
            tasklist.startProcess("收支台账记账");
            tasklist.submitStartForm();
            String entry = browser.waitUntil(driver -> {
                Task task = tasks.createTaskQuery().taskAssignee(CLERK).taskDefinitionKey("recordEntry").singleResult();
                return task == null ? null : task.getId();
            });
            assertThat(tasklist.listsTask(entry, "我的任务 / Claimed by me")).as("the entry is in his own list").isTrue();
            browser.screenshot("income-entry-in-list");
            tasklist.openTask(entry);
            browser.waitFor(By.cssSelector(".fjs-form"));
            tasklist.choose("农户 / Household", no);
            tasklist.pickToday("日期 / Date");
            tasklist.choose("收支项目 / Line", "工资性收入");
            tasklist.fill("金额（元） / Amount (yuan)", String.valueOf(10_000L * members));
            tasklist.fill("说明 / Note", "县城务工 / work in the county town");
            browser.screenshot("income-entry-filled");
            tasklist.complete();
            browser.waitUntil(driver -> accounts.summary(no, YEAR).entries().isEmpty() ? null : true);
            assertThat(accounts.summary(no, YEAR).incomeFen()).isEqualTo(1_000_000L * members);

            // the county's run starts the household's case (one case per household, as AssessmentStartApiTest shows)
            runtime.startProcessInstanceByKey("annualAssessment", no, Variables.createVariables()
                    .putValue("householdId", household.getId()).putValue("regionCode", VILLAGE)
                    .putValue("assessmentYear", YEAR));
            openOwnTask(browser, tasklist, CLERK, no, "confirmAccount");
            assertThat(browser.pageText()).contains("由台账计算").contains("10,000.00");
            for (String guarantee : new String[] {"不愁吃、不愁穿", "义务教育有保障", "基本医疗有保障", "住房安全有保障",
                    "饮水安全", "已与本户核对台账"}) {
                tasklist.check(guarantee);
            }
            browser.screenshot("account-confirmed");
            completeAndWaitFor(browser, tasklist, "confirmAccount", no);

            openOwnTask(browser, tasklist, CLERK, no, "exitEvaluation");
            assertThat(browser.pageText()).contains("EXIT_PROPOSED");
            tasklist.pickToday("会议日期 / Meeting date");
            tasklist.fill("出席人数 / Attendees", "24");
            tasklist.fill("赞成票 / Votes for", "20");
            tasklist.fill("评议记录 / Minutes", "村民代表会议，24人出席，20人赞成退出");
            browser.screenshot("exit-evaluation-filled");
            completeAndWaitFor(browser, tasklist, "exitEvaluation", no);

            claimAndComplete(identity, tasks, "village." + VILLAGE, no, Map.of("verificationDecision", "approve",
                    "workTeam", "村委会主任、驻村工作队队长 / committee head, work team leader"));

            openOwnTask(browser, tasklist, CLERK, no, "householdConsent");
            tasklist.radio("认可 / Agrees");
            tasklist.pickToday("签字日期 / Date signed");
            browser.screenshot("household-consent-filled");
            completeAndWaitFor(browser, tasklist, "householdConsent", no);

            tasklist.logout();
            browser.open("/public/notices.html?village=" + VILLAGE);
            browser.waitFor(By.xpath("//td[contains(., '" + no + "')]"));
            assertThat(browser.pageText()).contains("拟脱贫退出");
            browser.screenshot("exit-notice");

            String exit = runtime.createProcessInstanceQuery().processDefinitionKey("householdExit")
                    .processInstanceBusinessKey(no).singleResult().getId();
            management.executeJob(management.createJobQuery().processInstanceId(exit).activityId("exitNoticeOver")
                    .singleResult().getId());
            claimAndComplete(identity, tasks, "township." + VILLAGE.substring(0, 9), no,
                    Map.of("exitTownshipDecision", "approve"));

            openOwnTask(browser, tasklist, "county." + VILLAGE.substring(0, 6), no, "countyApproval");
            tasklist.radio("同意 / Approve");
            browser.screenshot("county-approval-filled");
            completeAndWaitFor(browser, tasklist, "countyApproval", no);
            assertThat(households.view(no).status()).isEqualTo("EXITED");

            tasklist.logout();
            browser.open("/public/notices.html?village=" + VILLAGE);
            browser.waitFor(By.xpath("//section[@id='exitedSection']//td[contains(., '" + no + "')]"));
            browser.screenshot("exit-announced");
        }
    }

    private void openOwnTask(Browser browser, Tasklist tasklist, String official, String no, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key).singleResult();
        tasklist.logout();
        tasklist.login("tasklist", official, "demo");
        assertThat(tasklist.listsTask(task.getId())).as(official + " sees " + key).isTrue();
        tasklist.openTask(task.getId());
        tasklist.claim();
        browser.waitFor(By.cssSelector(".fjs-form"));
        browser.screenshot(key + "-form");
    }

    private void completeAndWaitFor(Browser browser, Tasklist tasklist, String key, String no) {
        tasklist.complete();
        try {
            browser.waitUntil(driver -> tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key)
                    .count() == 0 ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot(key + "-not-completed");
            throw new AssertionError(key + " not completed; page says: " + browser.pageText(), e);
        }
    }
}
