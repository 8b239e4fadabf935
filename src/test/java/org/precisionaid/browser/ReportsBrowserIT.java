package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.report.ReportTestData;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county office and a township read the reports in the browser, logged in once to Tasklist: the tables with
 * their region and year picker, the two maps, the guide page by page, the Excel file and the printed page. Another
 * township's region is refused on the page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsBrowserIT {

    static final String VILLAGE = "654225101205"; // 吉也克村, 吉也克镇, 裕民县
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @LocalServerPort int port;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;
    @Autowired FundingStarter funding;
    @Autowired IdentityService identity;

    List<String> applications;

    @BeforeAll
    void householdsAndProjectsOfTheVillage() {
        applications = ReportTestData.village(households, assistance, accounts, funding, identity, VILLAGE, 14701);
    }

    private Browser reportsAs(String journey, String user) {
        Browser browser = new Browser("http://localhost:" + port, journey, "zh-CN");
        new Tasklist(browser).login("tasklist", user, "demo");
        return browser;
    }

    private static void loaded(Browser browser) {
        browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    @Test
    void theCountyOfficeReadsTheThreeTablesPicksATownshipDownloadsExcelAndPrints() {
        try (Browser browser = reportsAs("reports-tables", "county.654225")) {
            browser.open("/reports/index.html");
            browser.waitFor(By.id("link-distribution"));
            browser.screenshot("reports-index");
            browser.click(By.id("link-distribution"));
            loaded(browser);
            assertThat(browser.pageText()).contains("贫困村和贫困人口分布表").contains("裕民县 / Yumin County")
                    .contains("吉也克村 / Jiyeke Village").contains("贫困发生率 / Poverty incidence");
            browser.screenshot("distribution-county");

            new Select(browser.driver.findElement(By.id("region"))).selectByValue("654225101000");
            browser.click(By.id("show"));
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("meta")).getText()).contains("654225101000");
            assertThat(browser.driver.findElements(By.cssSelector("table.report tbody tr"))).hasSize(13);
            browser.screenshot("distribution-township");

            String href = browser.driver.findElement(By.id("xlsx")).getDomAttribute("href");
            assertThat(href).isEqualTo("/api/reports/distribution.xlsx?region=654225101000&year=" + YEAR);
            Object excel = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'})
                      .then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); });
                    """, href);
            assertThat(String.valueOf(excel)).startsWith("200 application/vnd.openxmlformats");

            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(browser.driver.findElement(By.id("picker")).isDisplayed()).isFalse();
            browser.screenshot("distribution-print");
            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            browser.click(By.id("nav-income-targets"));
            loaded(browser);
            assertThat(browser.pageText()).contains("农民人均纯收入目标表").contains("目标完成率 / Actual ÷ target")
                    .contains("5,200.00");
            browser.screenshot("income-targets");
            browser.click(By.id("nav-reduction-tasks"));
            loaded(browser);
            assertThat(browser.pageText()).contains("减贫任务表").contains("逾期未脱贫户数");
            browser.screenshot("reduction-tasks");
        }
    }

    /** Welcome links the workbench; its figures are the county's, and the tasks tile opens Tasklist. */
    @Test
    void theCountyOfficeStartsTheDayOnItsWorkbench() {
        try (Browser browser = new Browser("http://localhost:" + port, "workbench", "zh-CN")) {
            new Tasklist(browser).login("welcome", "county.654225", "demo");
            browser.waitFor(By.xpath("//a[contains(normalize-space(.), '工作台 / Workbench')]"));
            browser.screenshot("welcome-links");
            assertThat(browser.driver.findElement(By.xpath("//a[contains(normalize-space(.), '工作台 / Workbench')]"))
                    .getDomAttribute("href")).isEqualTo("/reports/home.html");
            browser.open("/reports/home.html");
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("title")).getText()).contains("裕民县 / Yumin County");
            assertThat(browser.driver.findElement(By.id("tile-tasks")).getText()).contains("我的待办任务 / My open tasks");
            assertThat(browser.driver.findElements(By.cssSelector("#households svg"))).isNotEmpty();
            browser.screenshot("workbench-county");

            new Select(browser.driver.findElement(By.id("region"))).selectByValue("654225101000");
            browser.click(By.id("show"));
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("title")).getText()).contains("吉也克镇");
            browser.screenshot("workbench-township");

            browser.click(By.id("tile-tasks"));
            browser.waitFor(By.cssSelector("[cam-tasks]"));
            assertThat(browser.driver.getCurrentUrl()).contains("/camunda/app/tasklist/");
        }
    }

    @Test
    void theCountyOfficeSetsAnIncomeTargetAfterABadAmountIsNamedNextToItsField() {
        int year = YEAR + 5; // a year no other journey or test of Yumin sets
        try (Browser browser = reportsAs("income-target", "county.654225")) {
            browser.open("/reports/home.html");
            loaded(browser);
            browser.click(By.id("link-targets"));
            loaded(browser);
            new Select(browser.driver.findElement(By.id("county"))).selectByValue("654225000000");
            new Select(browser.driver.findElement(By.id("year"))).selectByValue(String.valueOf(year));
            browser.click(By.id("show"));
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("amount")).getText()).contains("未设定");

            browser.type(By.id("perCapitaNetYuan"), "6800.555");
            browser.type(By.id("sourceInput"), "县政府工作报告 / County work report");
            browser.click(By.id("save"));
            browser.waitUntil(d -> !d.findElement(By.id("error-perCapitaNetYuan")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("error-perCapitaNetYuan")).getText())
                    .contains("2 digits after the decimal point");
            browser.screenshot("income-target-bad-amount");
            assertThat(browser.driver.findElement(By.id("amount")).getText()).as("nothing saved").contains("未设定");

            browser.type(By.id("perCapitaNetYuan"), "6800.50");
            browser.click(By.id("save"));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已保存 / Saved"));
            assertThat(browser.driver.findElement(By.id("amount")).getText()).isEqualTo("6,800.50");
            assertThat(browser.driver.findElement(By.id("source")).getText())
                    .isEqualTo("县政府工作报告 / County work report");
            assertThat(browser.driver.findElement(By.id("error-perCapitaNetYuan")).getText()).isEmpty();
            browser.screenshot("income-target-saved");
        }
        try (Browser browser = reportsAs("income-target-township", "township.654225101")) {
            browser.open("/reports/targets.html?county=654225000000&year=" + year);
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("amount")).getText()).isEqualTo("6,800.50");
            assertThat(browser.driver.findElement(By.id("edit")).isDisplayed()).as("a township only reads").isFalse();
            browser.screenshot("income-target-township");
        }
    }

    @Test
    void theCountyOfficeBreaksItsReductionTaskDownToTownshipsAfterPartsOverTheWholeAreNamed() {
        int year = YEAR + 4; // a year no other journey or test of Yumin breaks down
        String jiyeke = "654225101000"; // 吉也克镇
        try (Browser browser = reportsAs("reduction-breakdown", "county.654225")) {
            browser.open("/reports/targets.html?county=654225000000&year=" + year);
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("breakdown-changed")).getText()).contains("尚未分解");
            int county = rowIndex(browser, "654225000000");
            int township = rowIndex(browser, jiyeke);
            browser.type(By.id("targets[" + county + "].exitHouseholds"), "5");
            browser.type(By.id("targets[" + township + "].exitHouseholds"), "8");
            browser.type(By.id("breakdownSource"), "县脱贫攻坚指挥部任务分解 / County task plan");
            assertThat(browser.driver.findElement(By.id("parts-654225000000")).getText()).startsWith("8 /");
            browser.click(By.id("save-breakdown"));
            String countyError = "error-targets[" + county + "].exitHouseholds";
            browser.waitUntil(d -> !d.findElement(By.id(countyError)).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id(countyError)).getText()).contains("more than this task of 5");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()",
                    browser.driver.findElement(By.id("breakdown")));
            browser.screenshot("reduction-breakdown-over");
            assertThat(browser.driver.findElement(By.id("breakdown-changed")).getText()).as("nothing saved")
                    .contains("尚未分解");

            browser.type(By.id("targets[" + county + "].exitHouseholds"), "12");
            browser.click(By.id("save-breakdown"));
            browser.waitUntil(d -> d.findElement(By.id("breakdown-saved")).getText().contains("已保存 / Saved"));
            assertThat(browser.driver.findElement(By.id(countyError)).getText()).isEmpty();
            assertThat(browser.driver.findElement(By.id("breakdown-changed")).getText()).contains("county.654225");
            browser.screenshot("reduction-breakdown-saved");
        }
        try (Browser browser = reportsAs("reduction-breakdown-township", "township.654225101")) {
            browser.open("/reports/targets.html?county=654225000000&year=" + year);
            loaded(browser);
            assertThat(browser.driver.findElement(By.cssSelector("#breakdown-rows tr[data-code='" + jiyeke + "']"))
                    .getText()).contains("8");
            assertThat(browser.driver.findElements(By.cssSelector("#breakdown-rows input"))).as("a township only reads")
                    .isEmpty();
            assertThat(browser.driver.findElement(By.id("save-breakdown")).isDisplayed()).isFalse();
        }
    }

    private static int rowIndex(Browser browser, String code) {
        List<org.openqa.selenium.WebElement> rows = browser.driver.findElements(By.cssSelector("#breakdown-rows tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (code.equals(rows.get(i).getDomAttribute("data-code"))) {
                return i;
            }
        }
        throw new AssertionError(code + " has no row");
    }

    @Test
    void theFinanceBureauSetsTheAvailableFundsAfterABadAmountIsNamedAndATownshipHasNoFundsScreen() {
        int year = YEAR + 7; // a year no project of Yumin draws on
        try (Browser browser = reportsAs("funds", "finance.654225")) {
            browser.open("/reports/funds.html?county=654225000000&year=" + year);
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("funds")).getText()).contains("合计 / Total");
            browser.type(By.id("available-DONATION"), "-500");
            browser.click(By.id("save-DONATION"));
            browser.waitUntil(d -> !d.findElement(By.id("error-available-DONATION")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("error-available-DONATION")).getText()).contains("negative");
            browser.screenshot("funds-bad-amount");

            browser.type(By.id("available-DONATION"), "80000");
            browser.click(By.id("save-DONATION"));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已保存 / Saved"));
            assertThat(browser.driver.findElement(By.cssSelector("#funds tr[data-source='DONATION']")).getText())
                    .contains("80,000.00");
            browser.screenshot("funds-saved");
        }
        try (Browser browser = reportsAs("funds-township", "township.654225101")) {
            browser.open("/reports/home.html");
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("link-funds")).isDisplayed()).as("not a township's screen")
                    .isFalse();
            assertThat(browser.driver.findElement(By.id("link-targets")).isDisplayed()).isTrue();
            browser.open("/reports/funds.html?county=654225000000&year=" + year);
            browser.waitUntil(d -> !d.findElement(By.id("message")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("message")).getText()).contains("无权限 / Forbidden");
            assertThat(browser.driver.findElement(By.id("funds-view")).isDisplayed()).isFalse();
        }
    }

    @Test
    void theCountyOfficeSeesItsProjectsAndThePoorOnTheCountyMap() {
        try (Browser browser = reportsAs("reports-maps", "county.654225")) {
            browser.open("/reports/report.html?name=projects-map&year=" + YEAR);
            loaded(browser);
            browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.paMapReady")));
            assertThat(browser.driver.findElements(By.cssSelector("#map svg path")).size()).isGreaterThan(1);
            assertThat(browser.pageText()).contains("吉也克村养羊 / Jiyeke sheep").contains("产业项目 / Industrial")
                    .contains("基础设施项目 / Infrastructure").contains("乡镇位置 / township");
            browser.screenshot("projects-map");

            // a project named like a script shows in its tooltip as the text it is; nothing is added to the page
            JavascriptExecutor script = (JavascriptExecutor) browser.driver;
            Object shown = script.executeScript("""
                    var chart = echarts.getInstanceByDom(document.getElementById('map'));
                    var series = chart.getOption().series;
                    for (var s = 0; s < series.length; s++) {
                      var data = series[s].data || [];
                      for (var d = 0; d < data.length; d++) {
                        if (data[d] && data[d].project && data[d].project.name === arguments[0]) {
                          chart.dispatchAction({type: 'showTip', seriesIndex: s, dataIndex: d});
                          return true;
                        }
                      }
                    }
                    return false;
                    """, ReportTestData.SCRIPT_IN_A_NAME);
            assertThat(shown).isEqualTo(true);
            browser.waitUntil(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('map').textContent")).contains(ReportTestData.SCRIPT_IN_A_NAME));
            assertThat(script.executeScript("return document.querySelectorAll('img').length")).isEqualTo(0L);
            assertThat(script.executeScript("""
                    var box = window.paReports.textLines(arguments[0], 'second line');
                    return [box.childNodes.length, box.querySelectorAll('img').length, box.textContent];
                    """, ReportTestData.SCRIPT_IN_A_NAME))
                    .isEqualTo(List.of(3L, 0L, ReportTestData.SCRIPT_IN_A_NAME + "second line"));
            browser.screenshot("projects-map-tooltip-as-text");

            browser.click(By.id("nav-incidence-map"));
            loaded(browser);
            browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.paMapReady")));
            assertThat(browser.pageText()).contains("贫困发生率分布图").contains("吉也克镇 / Jiyeke Town");
            browser.screenshot("incidence-map");
        }
    }

    @Test
    void theTownshipReadsTheGuidePageByPageAndIsRefusedAnotherTownship() {
        try (Browser browser = reportsAs("reports-guide", "township.654225101")) {
            browser.open("/reports/report.html?name=guide&region=" + VILLAGE + "&year=" + YEAR);
            loaded(browser);
            String text = browser.pageText();
            assertThat(text).contains("扶贫明细手册").contains("帮扶责任人 / Responsible cadre").contains(applications.get(0))
                    .contains("7,500.00").contains("吉也克村养羊");
            browser.screenshot("guide");

            browser.open("/reports/report.html?name=guide&region=654225100000");
            browser.waitUntil(d -> !d.findElement(By.id("message")).getText().isBlank());
            assertThat(browser.driver.findElement(By.id("message")).getText()).contains("无权限 / Forbidden")
                    .contains("outside your region");
            browser.screenshot("guide-other-township-refused");
        }
    }
}
