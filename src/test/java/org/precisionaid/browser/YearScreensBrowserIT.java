package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.precisionaid.assessment.AssessmentRuns;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.precisionaid.village.VillageFileService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county office's year screens in the browser, in a county no other journey touches (和布克赛尔蒙古自治县, with three
 * households in 和苏图村 of 和什托洛盖镇): the clerk edits his village file (a bad value first, named next to its field)
 * and sees the exit verdict change; the county office starts the year's assessment, watches it, resumes it after it
 * stopped half-way and runs the scoring; the township reads the file and cannot change it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearScreensBrowserIT {

    static final String COUNTY = "654226000000";   // 和布克赛尔蒙古自治县 / Hoboksar Mongol Autonomous County
    static final String TOWNSHIP = "654226101000"; // 和什托洛盖镇 / Heshituoluogai Town
    static final String VILLAGE = "654226101201";  // 和苏图村 / Hesutu Village
    static final String CLERK = "clerk." + VILLAGE;
    static final String COUNTY_OFFICE = "county.654226";
    static final String TOWNSHIP_OFFICIAL = "township.654226101";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @LocalServerPort int port;
    @Autowired OfficialDirectory officials;
    @Autowired VillageFileService files;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    long cadre;

    @BeforeAll
    void aSmallCountyWithItsOfficialsAVillageFileAndThreeHouseholds() {
        official(CLERK, VILLAGE, "clerk");
        official(COUNTY_OFFICE, COUNTY, "county");
        official(TOWNSHIP_OFFICIAL, TOWNSHIP, "township");
        // 800 farming people, 12 poor (1.5 %), every service in place, but a collective income below 50,000 yuan
        files.save(VILLAGE, Villages.file(800, 30_000), "test");
        cadre = Cadres.fresh(assistance, "654226", CadreRank.STAFF);
        for (int i = 0; i < 3; i++) {
            Villages.paired(households, assistance, VILLAGE, YEAR, cadre);
        }
    }

    private void official(String userId, String region, String role) {
        if (!officials.exists(userId)) {
            officials.createDemoOfficial(userId, userId, userId, "demo", region, role);
        }
    }

    private Browser as(String journey, String user) {
        Browser browser = new Browser("http://localhost:" + port, journey);
        new Tasklist(browser).login("tasklist", user, "demo");
        return browser;
    }

    private static void loaded(Browser browser) {
        browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    private static String text(Browser browser, String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    @Test
    @Order(1)
    void theClerkEditsHisVillageFileAndSeesTheExitVerdictChange() {
        try (Browser browser = as("year-village-file", CLERK)) {
            browser.open("/reports/home.html");
            loaded(browser);
            browser.waitFor(By.id("link-villages"));
            assertThat(browser.driver.findElement(By.id("link-assessment")).isDisplayed()).as("not a clerk's screen")
                    .isFalse();
            assertThat(browser.driver.findElement(By.id("link-scoring")).isDisplayed()).isFalse();
            browser.click(By.id("link-villages"));
            loaded(browser);
            browser.waitFor(By.id("collectiveIncomeYuan"));
            assertThat(text(browser, "verdict")).contains("暂不符合退出条件");
            assertThat(text(browser, "shortfalls")).contains("村集体经济收入未达到门槛");
            assertThat(text(browser, "poorPopulation")).isEqualTo("12");
            assertThat(text(browser, "villages")).as("a value the village has not (no exit year) shows as a dash")
                    .contains("—").doesNotContain("undefined");
            browser.screenshot("village-file-verdict-before");

            browser.type(By.id("collectiveIncomeYuan"), "-5");
            browser.click(By.id("save"));
            browser.waitUntil(d -> !d.findElement(By.id("error-collectiveIncomeYuan")).getText().isEmpty());
            assertThat(text(browser, "error-collectiveIncomeYuan")).contains("between 0 and");
            assertThat(text(browser, "verdict")).as("nothing saved").contains("暂不符合");
            browser.screenshot("village-file-bad-value");

            browser.type(By.id("collectiveIncomeYuan"), "60000");
            browser.click(By.id("save"));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已保存 / Saved"));
            assertThat(text(browser, "verdict")).contains("符合退出条件 / Meets every exit condition");
            assertThat(browser.driver.findElements(By.cssSelector("#shortfalls li"))).isEmpty();
            assertThat(text(browser, "error-collectiveIncomeYuan")).isEmpty();
            assertThat(text(browser, "villages")).contains("60,000");
            browser.screenshot("village-file-verdict-after");
        }
        assertThat(files.check(VILLAGE).eligible()).as("saved, and the deployed DMN agrees").isTrue();
    }

    @Test
    @Order(2)
    void theTownshipReadsTheVillageFileButCannotChangeIt() {
        try (Browser browser = as("year-village-file-township", TOWNSHIP_OFFICIAL)) {
            browser.open("/reports/home.html");
            loaded(browser);
            browser.waitFor(By.id("link-villages"));
            assertThat(browser.driver.findElement(By.id("link-scoring")).isDisplayed()).as("scoring is the county's")
                    .isFalse();
            browser.click(By.id("link-villages"));
            loaded(browser);
            browser.click(By.id("open-" + VILLAGE));
            browser.waitFor(By.id("data"));
            loaded(browser);
            // what the file holds now (the clerk's journey changes it; this one does not depend on it)
            assertThat(text(browser, "value-collectiveIncomeYuan"))
                    .isEqualTo(String.format("%,d", files.get(VILLAGE).getCollectiveIncomeYuan()));
            assertThat(browser.driver.findElement(By.id("edit")).isDisplayed()).as("a township only reads").isFalse();
            assertThat(browser.driver.findElements(By.id("save")).stream().noneMatch(e -> e.isDisplayed())).isTrue();
            assertThat(text(browser, "value-collectiveIncomeYear")).as("a year, not a number with separators")
                    .isEqualTo(String.valueOf(files.get(VILLAGE).getCollectiveIncomeYear()));
            assertThat(text(browser, "verdict")).contains(files.check(VILLAGE).eligible()
                    ? "符合退出条件 / Meets every exit condition" : "暂不符合退出条件");
            browser.screenshot("village-file-township-reads");
            // the form is hidden, and a write from the page would be refused anyway
            Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    Office.call('PUT', '/api/villages/' + arguments[0] + '/file', '{}')
                      .then(function () { done('saved'); }, function (e) { done(e.status + ' ' + JSON.stringify(e.body.errors)); });
                    """, VILLAGE);
            assertThat(String.valueOf(status)).startsWith("403").contains("villageCode");
        }
    }

    @Test
    @Order(3)
    void theCountyOfficeStartsTheAssessmentWatchesItResumesItAndRunsTheScoring() {
        try (Browser browser = as("year-assessment", COUNTY_OFFICE)) {
            browser.open("/reports/home.html");
            loaded(browser);
            browser.waitFor(By.id("link-assessment"));
            browser.click(By.id("link-assessment"));
            loaded(browser);
            assertThat(text(browser, "title")).contains("和布克赛尔蒙古自治县").contains(String.valueOf(YEAR));
            assertThat(text(browser, "state")).contains("尚未启动 / Not started yet");
            browser.click(By.id("start"));
            browser.waitUntil(d -> d.findElement(By.id("state")).getText().contains("正在启动 / Being started"));
            assertThat(text(browser, "started")).isEqualTo("0 / 3");
            assertThat(browser.driver.findElements(By.cssSelector("#lanes tbody tr"))).hasSize(2);

            runOneChunk();
            browser.click(By.id("refresh"));
            browser.waitUntil(d -> !d.findElement(By.id("started")).getText().startsWith("0 "));
            int started = Integer.parseInt(text(browser, "started").split(" / ")[0]);
            assertThat(started).as("one chunk").isBetween(1, 3);
            assertThat(text(browser, "remaining")).isEqualTo(String.valueOf(3 - started));
            browser.screenshot("assessment-progress");

            // the start case is lost half-way (an administrator cancelled it, or a crash took it): the page says so
            runtime.deleteProcessInstance(startCase().getId(), "test: the run stops half-way");
            browser.click(By.id("refresh"));
            browser.waitFor(By.id("resume"));
            assertThat(text(browser, "state")).contains("启动中断").contains(started + " of 3");
            browser.screenshot("assessment-stopped");
            browser.click(By.id("resume"));
            browser.waitUntil(d -> d.findElement(By.id("state")).getText().contains("正在启动"));
            while (runOneChunk()) {
                // the job executor's work, chunk after chunk
            }
            browser.click(By.id("refresh"));
            browser.waitUntil(d -> d.findElement(By.id("state")).getText().contains("已全部启动"));
            assertThat(text(browser, "started")).isEqualTo("3 / 3");
            assertThat(text(browser, "remaining")).isEqualTo("0");
            assertThat(browser.driver.findElement(By.cssSelector("#outcomes tr[data-outcome='PENDING']")).getText())
                    .contains("待村里确认").endsWith("3");
            assertThat(browser.driver.findElement(By.id("resume")).isDisplayed()).isFalse();
            browser.screenshot("assessment-done");

            browser.open("/reports/scoring.html?county=" + COUNTY + "&year=" + YEAR);
            loaded(browser);
            assertThat(text(browser, "run-meta")).contains("尚未评定");
            browser.click(By.id("run"));
            browser.waitFor(By.id("cadre-" + cadre));
            String row = text(browser, "cadre-" + cadre);
            // three households paired, all due this year, none exited: the figures behind the rating
            assertThat(row).contains("测试干部").contains("0 %").contains("不称职 / Not competent");
            List<String> cells = browser.driver.findElements(By.cssSelector("#cadre-" + cadre + " td")).stream()
                    .map(e -> e.getText()).toList();
            assertThat(cells.subList(3, 7)).containsExactly("3", "3", "0", "3");
            assertThat(browser.driver.findElement(By.id("rerun")).isDisplayed()).isTrue();
            browser.screenshot("scoring-results");
            String href = browser.driver.findElement(By.id("xlsx")).getDomAttribute("href");
            assertThat(href).isEqualTo("/api/assessment/scoring.xlsx?region=" + COUNTY + "&year=" + YEAR);
            Object excel = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'})
                      .then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); });
                    """, href);
            assertThat(String.valueOf(excel)).startsWith("200 application/vnd.openxmlformats");
        }
    }

    private ProcessInstance startCase() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessmentStart")
                .processInstanceBusinessKey(AssessmentRuns.businessKey(COUNTY, YEAR)).singleResult();
    }

    /** One chunk job of the start case, as the job executor would run it; false once the case has ended. */
    private boolean runOneChunk() {
        ProcessInstance instance = startCase();
        if (instance == null) {
            return false;
        }
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
        if (jobs.isEmpty()) {
            return false;
        }
        management.executeJob(jobs.get(0).getId());
        return true;
    }
}
