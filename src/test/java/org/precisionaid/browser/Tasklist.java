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

    void logout() {
        browser.driver.manage().deleteAllCookies();
    }

    void openTask(String taskId) {
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.waitFor(By.cssSelector("[cam-tasklist-task]"));
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

    void claim() {
        browser.click(By.cssSelector("[ng-click='claim()']"));
        browser.waitFor(By.cssSelector("[ng-click='completeTask()']"));
    }

    void complete() {
        browser.click(By.cssSelector("[ng-click='completeTask()']"));
    }

    // ---- Camunda Forms (form-js) fields, found by their bilingual label

    private WebElement field(String label) {
        return browser.waitFor(By.xpath("(//label[contains(normalize-space(.), '" + label + "')])[1]"
                + "/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
    }

    void fill(String label, String value) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value);
        if (value.equals(input.getDomProperty("value"))) {
            return;
        }
        System.out.println("FILL-FALLBACK " + label + " got '" + input.getDomProperty("value") + "'");
        ((JavascriptExecutor) browser.driver).executeScript("""
                var element = arguments[0];
                var setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value').set;
                setter.call(element, arguments[1]);
                element.dispatchEvent(new Event('input', {bubbles: true}));
                element.dispatchEvent(new Event('change', {bubbles: true}));
                element.dispatchEvent(new Event('blur', {bubbles: true}));
                """, input, value);
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
        WebElement input = browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][contains(normalize-space(.), '"
                + option + "')]"));
        input.click();
    }

    void check(String label) {
        field(label).findElement(By.cssSelector("input[type='checkbox']")).click();
    }

    void pickToday(String label) {
        WebElement container = field(label);
        container.findElement(By.cssSelector("input")).click();
        browser.waitFor(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today")).click();
    }
}
