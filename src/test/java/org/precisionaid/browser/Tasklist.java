package org.precisionaid.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** What an official does in Camunda Tasklist, Cockpit and the Camunda Forms they render. */
final class Tasklist {

    private final Browser browser;

    Tasklist(Browser browser) {
        this.browser = browser;
    }

    /**
     * Logs in through the webapp's own login endpoint from inside the page (same request its login form sends,
     * with its CSRF token), then opens the app.
     */
    void login(String app, String user, String password) {
        browser.open("/camunda/app/" + app + "/default/");
        browser.waitFor(By.cssSelector("input[ng-model='username']"));
        browser.screenshot(app + "-login-" + user);
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
                fetch('/camunda/api/admin/auth/user/default/login/' + arguments[0], {method: 'POST',
                    headers: {'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'username=' + encodeURIComponent(arguments[1]) + '&password=' + encodeURIComponent(arguments[2])})
                  .then(function (r) { done(r.status); });
                """, app, user, password);
        if (!Long.valueOf(200).equals(status)) {
            throw new AssertionError("login of " + user + " to " + app + " answered " + status);
        }
        browser.open("/camunda/app/" + app + "/default/");
    }

    /** Logs out through the webapp and forgets what the browser kept for the last user. */
    void logout() {
        if (!browser.driver.getCurrentUrl().startsWith("http")) {
            return;
        }
        ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
                try { localStorage.clear(); sessionStorage.clear(); } catch (e) { }
                fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': token}})
                  .then(function () { done(true); }, function () { done(false); });
                """);
        browser.driver.manage().deleteAllCookies();
    }

    /** Opens a task from the list, as the official does (call {@link #listsTask} first). */
    void openTask(String taskId) {
        browser.click(By.cssSelector("[cam-tasks] a[href*='" + taskId + "']"));
        browser.waitFor(By.cssSelector("[ng-click='claim()'], [ng-click='unclaim()']"));
    }

    boolean listsTask(String taskId) {
        browser.open("/camunda/app/tasklist/default/");
        browser.waitFor(By.cssSelector("[cam-tasks]"));
        try {
            Thread.sleep(1500);   // the list loads after the filter
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !browser.driver.findElements(By.cssSelector("[cam-tasks] a[href*='" + taskId + "']")).isEmpty();
    }

    /** The task is in the list of the named filter (e.g. 我的任务 / Claimed by me), which the official clicks first. */
    boolean listsTask(String taskId, String filterName) {
        listsTask(taskId);
        browser.click(By.xpath("//*[contains(@class, 'task-filters')]//a[contains(normalize-space(.), '"
                + filterName + "')]"));
        try {
            Thread.sleep(1500);   // the list loads after the filter
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !browser.driver.findElements(By.cssSelector("[cam-tasks] a[href*='" + taskId + "']")).isEmpty();
    }

    void claim() {
        By claim = By.cssSelector("[ng-click='claim()']");
        expectLabel(claim, "认领");
        browser.click(claim);
        browser.waitFor(By.cssSelector("[ng-click='unclaim()']"));
    }

    void complete() {
        By complete = By.cssSelector("button[ng-click='complete()']");
        expectLabel(complete, "完成");
        browser.click(complete);
    }

    /** Opens the start form of the process whose (bilingual) name contains {@code name}, as the official does. */
    void startProcess(String name) {
        By start = By.cssSelector(".start-process-action a");
        expectLabel(start, "发起流程");
        browser.click(start);
        browser.click(By.xpath("//*[@ng-click='selectProcessDefinition(processDefinition)'][contains(., \"" + name
                + "\")]"));
        browser.waitFor(By.cssSelector(".fjs-form"));
        expectLabel(By.cssSelector("[ng-click='startProcessInstance()']"), "发起");
    }

    /** Submits the start form; if it stays disabled, the failure names the fields form-js finds wrong. */
    void submitStartForm() {
        By submit = By.cssSelector("[ng-click='startProcessInstance()']");
        try {
            browser.waitForClickable(submit);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("start-form-not-submittable");
            throw new AssertionError("the start form cannot be submitted; form-js says: " + browser.driver
                    .findElements(By.xpath("//*[contains(@class,'fjs-form-field-error')]/ancestor::div[contains(concat(' ',"
                            + " normalize-space(@class), ' '), ' fjs-form-field ')][1]")).stream()
                    .map(field -> field.getText().replace('\n', ' ')).toList(), e);
        }
        browser.click(submit);
    }

    /**
     * In a browser set to Chinese, the webapp's own label where the official clicks is Chinese (our zh.json), not
     * Camunda's English.
     */
    private void expectLabel(By by, String chinese) {
        if (!browser.chinese()) {
            return;
        }
        try {
            browser.waitUntil(driver -> chinese.equals(driver.findElement(by).getText().trim()) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("label-not-chinese");
            throw new AssertionError("expected the label '" + chinese + "' on " + by + ", the page shows '"
                    + browser.driver.findElement(by).getText().trim() + "'", e);
        }
    }

    // ---- Camunda Forms (form-js) fields, found by their bilingual label

    private WebElement field(String label) {
        return browser.waitFor(By.xpath("(//label[contains(normalize-space(.), '" + label + "')])[1]"
                + "/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
    }

    /**
     * Types the value into the field and checks the field holds it: a form that is still rendering when the journey
     * types (a start form just opened) can drop a value, and the form then stays invalid.
     */
    void fill(String label, String value) {
        for (int attempt = 1; ; attempt++) {
            fillOnce(label, value);
            String held = field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
            if (value.equals(held) || attempt == 3) {
                return;
            }
        }
    }

    private void fillOnce(String label, String value) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value);
        // typed CJK text reaches the field without an input event in headless Chromium; announce it like a browser would
        ((JavascriptExecutor) browser.driver).executeScript("""
                var element = arguments[0];
                var setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value').set;
                setter.call(element, arguments[1]);
                element.dispatchEvent(new Event('input', {bubbles: true}));
                element.dispatchEvent(new Event('change', {bubbles: true}));
                element.dispatchEvent(new Event('blur', {bubbles: true}));
                """, input, value);
        // leave the field as a person does, so that form-js takes the value over
        field(label).findElement(By.cssSelector("label")).click();
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void choose(String label, String option) {
        WebElement container = field(label);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", container);
        container.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display")).click();
        List<WebElement> items = container.findElements(By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), '"
                + option + "')]"));
        if (items.isEmpty()) {
            items = browser.driver.findElements(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), '"
                    + option + "')]"));
        }
        items.get(0).click();
    }

    void radio(String option) {
        WebElement input = browser.waitFor(By.xpath("//*[contains(@class,'fjs-form')]//label[contains(normalize-space(.), '"
                + option + "')]"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
    }

    void check(String label) {
        WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
        // scrolled to the middle first: at the bottom of a long form Tasklist's footer lies over it
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        box.click();
    }

    void pickToday(String label) {
        WebElement container = field(label);
        WebElement input = container.findElement(By.cssSelector("input"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        WebElement today = browser.waitFor(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"));
        // the calendar may open under Tasklist's footer; the official would scroll, the test clicks the day directly
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click();", today);
    }
}
