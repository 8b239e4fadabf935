package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Threat: a value typed by an official (a project's name) runs as a script in another official's browser, on the
 * origin of the Camunda webapps (stored XSS, issue #20). Our own pages send a strict Content-Security-Policy, and
 * their scripts set every value as text. The browser journey {@code ReportsBrowserIT} shows such a name in the map.
 */
@IntegrationTest
class OwnPagesTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void theReportPagesSendAStrictPolicyThatAllowsOnlyTheChartsInlineStyles() {
        for (String path : List.of("/reports/index.html", "/reports/report.html", "/reports/reports.js")) {
            ResponseEntity<String> page = rest.withBasicAuth("county.654225", "demo").getForEntity(path, String.class);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            String policy = page.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self';").contains("default-src 'self'")
                    .contains("object-src 'none'").contains("frame-ancestors 'none'")
                    .contains("style-src 'self' 'unsafe-inline'").doesNotContain("unsafe-eval");
            otherHeaders(page.getHeaders(), path);
        }
        // refused without a login: the answer carries the policy too
        assertThat(rest.getForEntity("/reports/report.html", String.class).getHeaders()
                .getFirst("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void thePublicPagesSendAStrictPolicyWithoutInlineStyles() {
        for (String path : List.of("/public/notices.html", "/public/projects.html", "/public/village-exits.html",
                "/public/notices.js", "/public/public.css", "/public/notices?village=654225101205",
                "/public/monitoring-report.html", "/public/monitoring-notices.html", "/public/regions.js",
                "/public/regions?parent=654224000000")) {
            ResponseEntity<String> page = rest.getForEntity(path, String.class);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            String policy = page.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self';").contains("style-src 'self'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").contains("frame-ancestors 'none'");
            otherHeaders(page.getHeaders(), path);
        }
    }

    @Test
    void theAdministratorsMigrationPageSendsThePublicPagesPolicy() {
        for (String path : List.of("/admin/migration/index.html", "/admin/migration/migration.js")) {
            ResponseEntity<String> page = rest.withBasicAuth("admin", "test-admin-password").getForEntity(path,
                    String.class);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(path)
                    .isEqualTo(OwnPageHeaders.PUBLIC_POLICY);
            otherHeaders(page.getHeaders(), path);
        }
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicy() {
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getHeaders().get("Content-Security-Policy")).allSatisfy(policy ->
                assertThat(policy).isNotEqualTo(OwnPageHeaders.PUBLIC_POLICY).isNotEqualTo(OwnPageHeaders.REPORTS_POLICY));
    }

    /** What the policy needs of our files: no inline script, style or handler; no markup built from strings. */
    @Test
    void ourPagesHaveNoInlineScriptOrStyleAndOurScriptsWriteNoMarkup() throws IOException {
        PathMatchingResourcePatternResolver files = new PathMatchingResourcePatternResolver();
        List<String> problems = new ArrayList<>();
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern markup = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\("
                + "|new Function|['\"`]<[a-zA-Z/]");
        int pages = 0;
        int scripts = 0;
        List<Resource> htmlFiles = new ArrayList<>(List.of(files.getResources("classpath:static/reports/*.html")));
        htmlFiles.addAll(List.of(files.getResources("classpath:static/public/*.html")));
        htmlFiles.addAll(List.of(files.getResources("classpath:static/admin/**/*.html")));
        List<Resource> jsFiles = new ArrayList<>(List.of(files.getResources("classpath:static/reports/*.js")));
        jsFiles.addAll(List.of(files.getResources("classpath:static/public/*.js")));
        jsFiles.addAll(List.of(files.getResources("classpath:static/admin/**/*.js")));
        for (Resource page : htmlFiles) {
            pages++;
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            for (Pattern forbidden : List.of(inlineScript, inlineStyle, handler)) {
                if (forbidden.matcher(html).find()) {
                    problems.add(page.getFilename() + ": " + forbidden.pattern());
                }
            }
        }
        for (Resource script : jsFiles) {
            scripts++;
            if (markup.matcher(script.getContentAsString(StandardCharsets.UTF_8)).find()) {
                problems.add(script.getFilename() + ": " + markup.pattern());
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertThat(scripts).isGreaterThanOrEqualTo(5);
        assertThat(problems).isEmpty();
    }

    private static void otherHeaders(HttpHeaders headers, String path) {
        assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
}
