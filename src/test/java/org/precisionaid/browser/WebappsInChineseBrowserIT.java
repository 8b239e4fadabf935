package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An official whose browser is set to Chinese finds Welcome, Tasklist, Cockpit and Admin in Chinese under our
 * name, "精准扶贫 Precision Aid", on the login page and in the header, and Camunda's "time to migrate to
 * Camunda 8" banner in none of them; a browser set to English still gets English, also without the banner.
 */
@IntegrationTest
class WebappsInChineseBrowserIT {

    private static final String OUR_NAME = "精准扶贫 Precision Aid";
    private static final String BANNER_EN = "It is time to migrate to Camunda 8";
    private static final String BANNER_ZH = "迁移到 Camunda 8";
    /** Per app, a label its first page shows after login (the text is read from our zh.json). */
    private static final Map<String, String> LANDING_LABEL = Map.of(
            "welcome", "APPLICATIONS",
            "tasklist", "START_PROCESS",
            "cockpit", "COCKPIT_PROCESSES",
            "admin", "USERS_USERS");
    private static final List<String> APPS = List.of("welcome", "tasklist", "admin", "cockpit");

    @LocalServerPort int port;
    @Value("${precision-aid.admin.id}") String adminUser;
    @Value("${precision-aid.admin.password}") String adminPassword;

    @Test
    void everyWebappSpeaksChineseUnderOurNameWithoutTheMigrationBanner() throws IOException {
        try (Browser browser = new Browser("http://localhost:" + port, "webapps-zh", "zh-CN")) {
            Tasklist webapp = new Tasklist(browser);
            for (String app : APPS) {
                browser.open("/camunda/app/" + app + "/default/");
                WebElement username = browser.waitFor(By.cssSelector("input[ng-model='username']"));
                browser.waitUntil(driver -> "用户名".equals(username.getAttribute("placeholder")) ? true : null);
                assertThat(language(browser)).as("the browser is set to Chinese").startsWith("zh");
                browser.screenshot(app + "-login");
                assertThat(browser.driver.findElement(By.cssSelector("form[name='signinForm'] button")).getText())
                        .isEqualTo("登录");
                assertThat(loginPageName(browser)).as("name on the %s login page", app).isEqualTo(OUR_NAME);
                assertNoBanner(browser, app + " login page");

                webapp.login(app, adminUser, adminPassword);
                String label = ourChinese(app, LANDING_LABEL.get(app));
                WebElement brand = browser.waitFor(By.cssSelector("[cam-widget-header] .brand-name"));
                browser.waitUntil(driver -> browser.pageText().contains(label) ? true : null);
                browser.screenshot(app + "-home");
                assertThat(brand.getText()).as("name in the %s header", app).isEqualTo(OUR_NAME);
                assertThat(browser.driver.getTitle()).startsWith(OUR_NAME);   // Admin adds " | <page>"
                assertThat(browser.pageText()).as("%s after login", app).contains(label);
                assertNoBanner(browser, app);
                webapp.logout();
            }
        }
    }

    @Test
    void aBrowserSetToEnglishStillGetsEnglishAndNoBanner() {
        try (Browser browser = new Browser("http://localhost:" + port, "webapps-en", "en-US")) {
            for (String app : APPS) {
                browser.open("/camunda/app/" + app + "/default/");
                WebElement username = browser.waitFor(By.cssSelector("input[ng-model='username']"));
                browser.waitUntil(driver -> "Username".equals(username.getAttribute("placeholder")) ? true : null);
                browser.screenshot(app + "-login");
                assertThat(browser.driver.findElement(By.cssSelector("form[name='signinForm'] button")).getText())
                        .isEqualTo("Log in");
                assertThat(loginPageName(browser)).isEqualTo(OUR_NAME);
                assertNoBanner(browser, app + " login page");
            }
        }
    }

    private static void assertNoBanner(Browser browser, String where) {
        assertThat(browser.pageText()).as("visible text of %s", where).doesNotContain(BANNER_EN).doesNotContain(BANNER_ZH);
        for (WebElement banner : browser.driver.findElements(By.cssSelector(".ce-eol-banner"))) {
            assertThat(banner.isDisplayed()).as("end-of-life banner shown on %s", where).isFalse();
        }
    }

    /** What the login page shows as the application's name, including what our style sheet puts before it. */
    private static String loginPageName(Browser browser) {
        WebElement name = browser.waitFor(By.cssSelector(".login-header .app-name"));
        String before = (String) ((JavascriptExecutor) browser.driver).executeScript(
                "return getComputedStyle(arguments[0], '::before').content;", name);
        String prefix = before == null || "none".equals(before) ? "" : before.replaceAll("^\"|\"$", "");
        return (prefix + name.getText()).trim();
    }

    private static String language(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver).executeScript("return navigator.languages[0];");
    }

    /** The Chinese the webapp should show, from our locale file on the classpath. */
    private static String ourChinese(String app, String key) throws IOException {
        try (InputStream in = WebappsInChineseBrowserIT.class.getResourceAsStream(
                "/META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json")) {
            assertThat(in).as("our zh.json of %s", app).isNotNull();
            JsonNode labels = new ObjectMapper().readTree(in).get("labels");
            return labels.get(key).asText();
        }
    }
}
