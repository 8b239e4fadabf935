package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many officials open Tasklist, Cockpit and Admin at the same moment: every page's scripts carry the nonce of its own
 * Content-Security-Policy header. Camunda kept one nonce for the whole server, so a page loaded while another request
 * passed got a foreign nonce, the browser refused all its scripts, and Tasklist stayed on its spinner.
 */
@IntegrationTest
class WebappPageNonceTest {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void everyPageLoadedAtTheSameMomentCarriesTheNonceOfItsOwnHeader() {
        HttpClient browser = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        List<CompletableFuture<HttpResponse<String>>> loads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String app = List.of("tasklist", "cockpit", "admin").get(i % 3);
            loads.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
            // the page's other requests, which pass the same header filter in between
            loads.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(base + "/camunda/lib/runtime.js?bust=7.24.0"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        int pages = 0;
        for (CompletableFuture<HttpResponse<String>> load : loads) {
            HttpResponse<String> response = load.join();
            assertThat(response.statusCode()).isEqualTo(200);
            if (!response.uri().getPath().endsWith("/default/")) {
                continue;
            }
            pages++;
            Matcher header = HEADER_NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertThat(header.find()).isTrue();
            Matcher page = PAGE_NONCE.matcher(response.body());
            assertThat(page.find()).as("the page stamps its scripts with a nonce").isTrue();
            do {
                assertThat(page.group(1)).as(response.uri() + ": script nonce against the page's own header")
                        .isEqualTo(header.group(1));
            } while (page.find());
        }
        assertThat(pages).isEqualTo(60);
    }
}
