package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.monitoring.MonitoringCase;
import org.precisionaid.monitoring.MonitoringCaseRepository;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Applications;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Return-to-poverty monitoring from the villager's phone to risk eliminated: a villager reports on the public page
 * (a wrong phone and the missing consent are shown next to their fields), the clerk names the household and checks it
 * in Tasklist, the village notice runs on the public page, the county approves in Tasklist, the household's cadre
 * records his visit in Tasklist, and after six months above the line the risk is eliminated and announced.
 */
@IntegrationTest
class MonitoringJourneyBrowserIT {

    static final String VILLAGE = "654224101203";   // 哈图村, 铁厂沟镇, 托里县
    static final String CLERK = "clerk." + VILLAGE;
    static final String TOWNSHIP = "township." + VILLAGE.substring(0, 9);
    static final String COUNTY = "county." + VILLAGE.substring(0, 6);
    static final String PHONE = "13990017788";
    static final String CADRE_PASSWORD = "Hatu-Visits-5381";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired OfficialDirectory officials;
    @Autowired MonitoringCaseRepository cases;

    private String loggedIn;

    @Test
    void aVillagersReportBecomesAMonitoredHouseholdWhoseRiskIsEliminated() {
        String cadre = "cadre.654224.hatu" + System.nanoTime() % 100000;
        officials.create(cadre, "巡访", "Cadre", null, CADRE_PASSWORD, "654224000000", "cadre");
        long cadreId = Cadres.fresh(assistance, "654224", CadreRank.STAFF, cadre);
        Household household = households.submit(Applications.eligible(VILLAGE, 9301L), "test");
        households.classify(household.getId(), "DEVELOPMENT", "因病致贫 / poor through illness");
        households.register(household.getId(), "健康扶贫 / health support", LocalDate.now().getYear() + 1, "test");
        assistance.pairAtRegistration(household.getId(), cadreId, "test");
        String no = household.getApplicationNo();
        int members = households.view(no).members().size();
        String head = households.view(no).members().get(0).name();

        try (Browser browser = new Browser("http://localhost:" + port, "monitoring")) {
            // the villager, on his phone, without login
            browser.open("/public/monitoring-report.html");
            pick(browser, "county", "654224000000");
            pick(browser, "township", VILLAGE.substring(0, 9) + "000");
            pick(browser, "village", VILLAGE);
            browser.type(By.id("name"), head);
            browser.type(By.id("phone"), "1399001");
            new Select(browser.waitFor(By.id("kind"))).selectByValue("ILLNESS");
            browser.type(By.id("whatHappened"), "户主三月突发脑梗住院，自付医疗费六万元，家里没有别的收入 / the head had a stroke in March");
            browser.click(By.id("submitReport"));
            browser.waitUntil(driver -> driver.findElement(By.id("phone-error")).getText().isEmpty() ? null : true);
            assertThat(browser.driver.findElement(By.id("phone-error")).getText()).contains("11-digit");
            assertThat(browser.driver.findElement(By.id("consent-error")).getText()).contains("consent");
            assertThat(browser.driver.findElement(By.id("name-error")).getText()).isEmpty();
            browser.screenshot("report-field-errors");
            browser.type(By.id("phone"), PHONE);
            browser.click(By.id("consent"));
            browser.click(By.id("submitReport"));
            String reportNo = browser.waitFor(By.id("reportNo")).getText();
            assertThat(reportNo).startsWith("JB-").contains(VILLAGE);
            assertThat(browser.pageText()).contains("2个工作日").doesNotContain(PHONE);
            browser.screenshot("report-received");

            // the clerk names the household and checks it at home
            Tasklist tasklist = new Tasklist(browser);
            openTask(browser, tasklist, CLERK, reportNo, "identifyHousehold");
            assertThat(browser.pageText()).contains(head).contains("139****7788").doesNotContain(PHONE);
            tasklist.choose("农户 / Household", no);
            tasklist.radio("立案监测 / Open the case");
            browser.screenshot("identify-household-filled");
            completeAndWait(browser, tasklist, reportNo, "identifyHousehold");
            MonitoringCase opened = cases.findByHouseholdIdOrderById(household.getId()).get(0);
            String caseNo = opened.getCaseNo();
            assertThat(opened.getChannel()).isEqualTo(MonitoringCase.Channel.PUBLIC);

            openTask(browser, tasklist, CLERK, caseNo, "householdCheck");
            tasklist.check("已签署核查授权书");
            tasklist.fill("家庭近12个月纯收入（元）", String.valueOf(4_000 * members));
            tasklist.fill("自付医疗支出（元）", "60000");
            tasklist.fill("教育支出（元）", "0");
            tasklist.fill("灾害损失（元）", "0");
            for (String guarantee : List.of("义务教育有保障", "基本医疗有保障", "住房安全有保障", "饮水安全有保障")) {
                tasklist.check(guarantee);
            }
            tasklist.fill("核实情况 / What the check found", "入户核实：户主脑梗住院，自付医疗费6万元，收入低于监测标准");
            browser.screenshot("household-check-filled");
            completeAndWait(browser, tasklist, caseNo, "householdCheck");
            assertThat(cases.findByCaseNo(caseNo).orElseThrow().getCategory()).isEqualTo("UNSTABLE");

            claimAndComplete(identity, tasks, CLERK, caseNo, Map.of("assessmentAttendees", 23L, "assessmentVotesFor",
                    19L, "assessmentMinutes", "村民代表会议 / villagers' representatives",
                    "assessmentDate", LocalDate.now().toString()));

            // the village notice, as anyone sees it: no phone, no ID number, no illness
            tasklist.logout();
            loggedIn = null;
            browser.open("/public/monitoring-notices.html?village=" + VILLAGE);
            browser.waitFor(By.xpath("//td[contains(., '" + caseNo + "')]"));
            assertThat(browser.pageText()).contains("拟纳入监测").contains(head).contains("脱贫不稳定户")
                    .doesNotContain(PHONE).doesNotContain("脑梗").doesNotContain(households.view(no).members().get(0)
                            .idNumber().substring(6, 14));
            browser.screenshot("monitoring-notice");

            job(caseNo, "noticeOver");
            claimAndComplete(identity, tasks, TOWNSHIP, caseNo, Map.of("townshipDecision", "approve"));

            // the county approves
            openTask(browser, tasklist, COUNTY, caseNo, "countyApproval");
            tasklist.radio("同意 / Approve");
            browser.screenshot("county-approval-filled");
            completeAndWait(browser, tasklist, caseNo, "countyApproval");
            assertThat(cases.findByCaseNo(caseNo).orElseThrow().getStatus()).isEqualTo(MonitoringCase.State.MONITORED);

            claimAndComplete(identity, tasks, TOWNSHIP, caseNo, Map.of("measureKind", "HEALTH", "supportMeasures",
                    "大病救助、医保倾斜和公益岗位 / serious-illness aid and a public-welfare job"));

            // the cadre's visits: six months ago income rose above the line (recorded then), today he visits again
            job(caseNo, "followUpDue");
            Task first = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
            assertThat(first.getAssignee()).as("the household's cadre visits").isEqualTo(cadre);
            as(identity, cadre, () -> tasks.complete(first.getId(), Map.of("visitDate",
                    LocalDate.now().minusMonths(6).toString(), "incomeAboveLine", true, "rigidExpensesResolved", true,
                    "guaranteesSecure", true, "waterSecure", true, "visitNotes", "公益岗位工资到账 / the job pays")));
            job(caseNo, "followUpDue");
            Task visit = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
            tasklist.logout();
            tasklist.login("tasklist", cadre, CADRE_PASSWORD);
            loggedIn = cadre;
            seesInList(browser, tasklist, visit.getId(), "我的任务 / Claimed by me");
            tasklist.openTask(visit.getId());
            browser.waitFor(By.cssSelector(".fjs-form"));
            // each visit is answered afresh: nothing of the last visit stands in the form; he ticks what holds now
            for (String check : List.of("收入高于监测标准", "刚性支出问题已解决", "三保障已巩固", "饮水安全")) {
                assertThat(checkbox(browser, check).isSelected()).as(check + " before he ticks it").isFalse();
                tasklist.check(check);
                assertThat(checkbox(browser, check).isSelected()).as(check).isTrue();
            }
            tasklist.fill("回访记录 / Notes of the visit", "连续6个月收入高于监测标准，医疗费已报销 / six months above the line");
            // he picks today in the calendar (it opens on the month of the date shown, if any)
            pickTodayFromAnEarlierMonth(browser, "回访日期 / Date of the visit");
            browser.screenshot("cadre-visit-filled");
            completeAndWait(browser, tasklist, caseNo, "followUpVisit");
            assertThat(cases.findByCaseNo(caseNo).orElseThrow().getStatus()).isEqualTo(MonitoringCase.State.ELIMINATION);

            claimAndComplete(identity, tasks, CLERK, caseNo, Map.of("eliminationAttendees", 21L,
                    "eliminationVotesFor", 18L, "eliminationMinutes", "村民代表会议 / villagers' representatives",
                    "eliminationMeetingDate", LocalDate.now().toString()));
            tasklist.logout();
            loggedIn = null;
            browser.open("/public/monitoring-notices.html?village=" + VILLAGE);
            browser.waitFor(By.xpath("//td[contains(., '" + caseNo + "')]"));
            assertThat(browser.pageText()).contains("拟风险消除");
            browser.screenshot("elimination-notice");

            job(caseNo, "eliminationNoticeOver");
            claimAndComplete(identity, tasks, TOWNSHIP, caseNo, Map.of("eliminationTownshipDecision", "approve"));
            claimAndComplete(identity, tasks, COUNTY, caseNo, Map.of("eliminationCountyDecision", "approve"));
            MonitoringCase done = cases.findByCaseNo(caseNo).orElseThrow();
            assertThat(done.getStatus()).isEqualTo(MonitoringCase.State.ELIMINATED);
            assertThat(households.get(household.getId()).isMonitored()).isFalse();
        }
    }

    private static org.openqa.selenium.WebElement checkbox(Browser browser, String label) {
        return browser.waitFor(By.xpath("(//label[contains(normalize-space(.), '" + label + "')])[1]/ancestor::div["
                + "contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]//input[@type='checkbox']"));
    }

    private static void pickTodayFromAnEarlierMonth(Browser browser, String label) {
        org.openqa.selenium.WebElement input = browser.waitFor(By.xpath("(//label[contains(normalize-space(.), '" + label
                + "')])[1]/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]//input"));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
        for (int month = 0; month < 13
                && browser.driver.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today")).isEmpty();
                month++) {
            js.executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));"
                    + "arguments[0].click();", browser.driver.findElement(
                            By.cssSelector(".flatpickr-calendar.open .flatpickr-next-month")));
        }
        js.executeScript("arguments[0].click();",
                browser.waitFor(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today")));
    }

    private static void pick(Browser browser, String select, String code) {
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#" + select + " option[value='" + code + "']"))
                .isEmpty() ? null : true);
        new Select(browser.driver.findElement(By.id(select))).selectByValue(code);
    }

    private void job(String caseNo, String activityId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId(activityId)
                .singleResult().getId());
    }

    private void openTask(Browser browser, Tasklist tasklist, String official, String key, String taskKey) {
        Task task = browser.waitUntil(driver -> tasks.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(taskKey).singleResult());
        if (!official.equals(loggedIn)) {
            tasklist.logout();
            tasklist.login("tasklist", official, "demo");
            loggedIn = official;
        }
        seesInList(browser, tasklist, task.getId(), null);
        tasklist.openTask(task.getId());
        tasklist.claim();
        browser.waitFor(By.cssSelector(".fjs-form"));
    }

    /** The task shows in the official's list (under the filter he clicks, if named) once the list has loaded. */
    private static void seesInList(Browser browser, Tasklist tasklist, String taskId, String filter) {
        if (filter == null) {
            tasklist.listsTask(taskId);
        } else {
            tasklist.listsTask(taskId, filter);
        }
        try {
            browser.waitFor(By.cssSelector("[cam-tasks] a[href*='" + taskId + "']"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("task-not-listed");
            throw new AssertionError("the official does not see task " + taskId + "; page says: " + browser.pageText(), e);
        }
    }

    private void completeAndWait(Browser browser, Tasklist tasklist, String key, String taskKey) {
        tasklist.complete();
        try {
            browser.waitUntil(driver -> tasks.createTaskQuery().processInstanceBusinessKey(key)
                    .taskDefinitionKey(taskKey).count() == 0 ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot(taskKey + "-not-completed");
            throw new AssertionError(taskKey + " not completed; page says: " + browser.pageText(), e);
        }
    }
}
