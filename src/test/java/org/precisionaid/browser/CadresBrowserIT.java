package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county office of Toli keeps its cadres on the cadres screen (issue #22): it adds a unit and a cadre — a bad
 * phone first, its rule shown next to the field —, reassigns a household to him with a reason on the household's
 * pairing page and finds the household on his list. A township official of the county reads the same screens without
 * a single write button.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CadresBrowserIT {

    static final String VILLAGE = "654224101203"; // 哈图村, 铁厂沟镇, 托里县
    static final String COUNTY = "654224000000";

    @LocalServerPort int port;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;

    String applicationNo;
    long leaving;
    final String tag = String.valueOf(System.nanoTime() % 100000);

    @BeforeAll
    void aRegisteredHouseholdOfToliAndACadreAboutToRetire() {
        applicationNo = Projects.registered(households, assistance, VILLAGE).getApplicationNo();
        leaving = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
    }

    private Browser as(String journey, String user) {
        Browser browser = new Browser("http://localhost:" + port, journey, Browser.CHINESE);
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
    void theCountyOfficeAddsACadreReassignsAHouseholdToHimAndATownshipOnlyReads() {
        String unit = "托里县乡村振兴局 " + tag;
        String cadre = "努尔兰";
        String latin = "Nurlan " + tag;
        try (Browser browser = as("cadres-county", "county.654224")) {
            browser.open("/reports/home.html");
            loaded(browser);
            browser.waitFor(By.id("link-cadres"));
            assertThat(browser.driver.findElement(By.id("link-quotas")).isDisplayed()).isTrue();
            browser.click(By.id("link-cadres"));
            loaded(browser);
            assertThat(new Select(browser.driver.findElement(By.id("county"))).getFirstSelectedOption()
                    .getDomAttribute("value")).isEqualTo(COUNTY);
            assertThat(text(browser, "cadres")).contains("剩余 / Left").contains("县处级 / County level");
            browser.screenshot("cadres-list");

            browser.type(By.id("unitName"), unit);
            new Select(browser.driver.findElement(By.id("unitRegion"))).selectByValue(COUNTY);
            browser.click(By.id("add-unit"));
            browser.waitUntil(d -> d.findElement(By.id("units")).getText().contains(unit));

            browser.click(By.id("add-cadre"));
            browser.type(By.id("name"), cadre);
            browser.type(By.id("nameLatin"), latin);
            new Select(browser.driver.findElement(By.id("cadreRank"))).selectByValue("STAFF");
            new Select(browser.driver.findElement(By.id("unitId"))).selectByVisibleText(unit + "（托里县 / Toli County）");
            browser.type(By.id("phone"), "请打办公室");
            browser.click(By.id("save-cadre"));
            browser.waitUntil(d -> !d.findElement(By.id("error-phone")).getText().isEmpty());
            assertThat(text(browser, "error-phone")).isEqualTo("digits only, 5-20");
            assertThat(text(browser, "error-name")).isEmpty();
            browser.screenshot("cadre-bad-phone");
            assertThat(text(browser, "cadres")).as("nothing saved").doesNotContain(latin);

            browser.type(By.id("phone"), "13912349999");
            browser.click(By.id("save-cadre"));
            browser.waitUntil(d -> d.findElement(By.id("detail")).isDisplayed()
                    && d.findElement(By.id("detail-title")).getText().contains(cadre));
            String row = text(browser, "cadres");
            assertThat(row).contains(cadre + " / " + latin).contains(unit).contains("13912349999");
            assertThat(text(browser, "detail-title")).contains("已结对 0 户，剩余 5 户");
            String id = browser.driver.findElement(By.xpath("//table[@id='cadres']//a[contains(., '" + latin + "')]"))
                    .getDomAttribute("id").substring("open-".length());
            browser.screenshot("cadre-added");

            browser.open("/reports/pairing.html");
            loaded(browser);
            browser.type(By.id("applicationNo"), applicationNo);
            browser.click(By.id("show"));
            loaded(browser);
            String before = text(browser, "cadre-name");
            assertThat(text(browser, "title")).contains(applicationNo).contains("哈图村");
            new Select(browser.driver.findElement(By.id("cadreId"))).selectByValue(id);
            browser.click(By.id("save"));
            browser.waitUntil(d -> !d.findElement(By.id("error-reason")).getText().isEmpty());
            assertThat(text(browser, "error-reason")).isEqualTo("is required");
            assertThat(text(browser, "cadre-name")).as("not reassigned without a reason").isEqualTo(before);
            browser.type(By.id("reason"), "原帮扶人调任地区 / The cadre moved to the prefecture");
            browser.click(By.id("save"));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已调整 / Reassigned"));
            assertThat(text(browser, "cadre-name")).isEqualTo(cadre + " / " + latin);
            assertThat(browser.driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
            assertThat(text(browser, "history")).contains("原帮扶人调任地区").contains("至今 / Current");
            browser.screenshot("pairing-reassigned");

            browser.open("/reports/cadres.html?county=" + COUNTY);
            loaded(browser);
            browser.type(By.id("q"), latin);
            browser.click(By.id("search"));
            loaded(browser);
            assertThat(browser.driver.findElements(By.cssSelector("#cadres tbody tr"))).hasSize(1);
            browser.click(By.id("open-" + id));
            browser.waitUntil(d -> d.findElement(By.id("households")).getText().contains(applicationNo));
            browser.screenshot("cadre-households");

            // his departure must say where his household goes: "none" is refused next to the choice
            browser.click(By.id("successor-none"));
            browser.type(By.id("moveReason"), "调任 / Moved");
            browser.click(By.id("move"));
            browser.waitUntil(d -> !d.findElement(By.id("error-toCadreId")).getText().isEmpty());
            assertThat(text(browser, "error-toCadreId")).contains("still responsible for 1 household(s)");
            browser.screenshot("departure-needs-successor");
            assertThat(assistance.cadre(Long.parseLong(id)).isActive()).isTrue();

            browser.click(By.linkText(applicationNo));
            loaded(browser);
            assertThat(text(browser, "cadre-name")).contains(cadre);

            // a cadre without households retires: "none" is the explicit choice
            browser.open("/reports/cadres.html?county=" + COUNTY);
            loaded(browser);
            browser.type(By.id("q"), assistance.cadre(leaving).getNameLatin());
            browser.click(By.id("search"));
            loaded(browser);
            browser.click(By.id("open-" + leaving));
            browser.waitFor(By.id("move-form"));
            browser.click(By.id("successor-none"));
            browser.type(By.id("moveReason"), "退休 / Retired");
            browser.click(By.id("move"));
            browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().contains("已离任 / Departed: 退休"));
            assertThat(browser.driver.findElements(By.id("open-" + leaving))).as("off the list of active cadres")
                    .isEmpty();
            assertThat(assistance.cadre(leaving).isActive()).isFalse();

            // a cadre whose unit lies above the county (the prefecture's office) keeps it in the correction form
            browser.type(By.id("q"), "Ma Jianhua");
            browser.click(By.id("search"));
            loaded(browser);
            browser.click(By.xpath("//table[@id='cadres']//a[contains(., 'Ma Jianhua')]"));
            browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().contains("马建华"));
            browser.click(By.id("edit-cadre"));
            assertThat(new Select(browser.driver.findElement(By.id("unitId"))).getFirstSelectedOption().getText())
                    .contains("塔城地区行政公署办公室");
            browser.click(By.id("cancel-cadre"));
        }
        try (Browser browser = as("cadres-township", "township.654224101")) {
            browser.open("/reports/home.html");
            loaded(browser);
            browser.waitFor(By.id("link-cadres"));
            assertThat(browser.driver.findElement(By.id("link-quotas")).isDisplayed()).as("not a township's screen")
                    .isFalse();
            browser.click(By.id("link-cadres"));
            loaded(browser);
            browser.type(By.id("q"), latin);
            browser.click(By.id("search"));
            loaded(browser);
            assertThat(text(browser, "cadres")).contains(cadre + " / " + latin).doesNotContain("13912349999");
            for (String write : new String[] {"add-cadre", "unit-form"}) {
                assertThat(browser.driver.findElement(By.id(write)).isDisplayed()).as(write).isFalse();
            }
            assertThat(browser.driver.findElements(By.cssSelector("#units form"))).as("no rename").isEmpty();
            browser.click(By.xpath("//table[@id='cadres']//a[contains(., '" + latin + "')]"));
            browser.waitUntil(d -> d.findElement(By.id("households")).getText().contains(applicationNo));
            assertThat(browser.driver.findElement(By.id("edit-cadre")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("move-form")).isDisplayed()).isFalse();
            browser.screenshot("cadres-township");

            browser.open("/reports/pairing.html?applicationNo=" + applicationNo);
            loaded(browser);
            assertThat(text(browser, "cadre-name")).contains(cadre);
            assertThat(browser.driver.findElement(By.id("reassign")).isDisplayed()).as("only the county reassigns")
                    .isFalse();
            browser.screenshot("pairing-township");
        }
    }

    @Test
    void theCityOfficeSetsAQuotaAndTheCountyOnlyReadsIt() {
        try (Browser browser = as("quotas-city", "city.6542")) {
            browser.open("/reports/quotas.html?prefecture=6542");
            loaded(browser);
            assertThat(text(browser, "title")).contains("塔城地区").contains("6542");
            assertThat(browser.driver.findElement(By.cssSelector("#quotas tr[data-rank='COUNTY']")).getText())
                    .contains("2");
            browser.type(By.id("households-PREFECTURE"), "x");
            browser.click(By.id("save-PREFECTURE"));
            browser.waitUntil(d -> !d.findElement(By.id("error-households-PREFECTURE")).getText().isEmpty());
            browser.type(By.id("households-PREFECTURE"), "3");
            browser.type(By.id("source-PREFECTURE"), "");
            browser.click(By.id("save-PREFECTURE"));
            browser.waitUntil(d -> !d.findElement(By.id("error-source-PREFECTURE")).getText().isEmpty());
            assertThat(text(browser, "error-source-PREFECTURE")).isEqualTo("is required");
            browser.screenshot("quotas-source-required");
            browser.type(By.id("source-PREFECTURE"), "塔城地委：地级领导每人联系3户 / Tacheng: prefecture leaders 3");
            browser.click(By.id("save-PREFECTURE"));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已保存 / Saved"));
            assertThat(browser.driver.findElement(By.cssSelector("#quotas tr[data-rank='PREFECTURE']")).getText())
                    .contains("塔城地委").contains("本地区 / This prefecture");
            browser.screenshot("quotas-city");
        }
        try (Browser browser = as("quotas-county", "county.654224")) {
            browser.open("/reports/quotas.html");
            loaded(browser);
            assertThat(text(browser, "quotas")).contains("塔城地委");
            assertThat(browser.driver.findElements(By.cssSelector("#quotas form"))).as("the county only reads").isEmpty();
            browser.screenshot("quotas-county");
        }
    }
}
