package org.precisionaid.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.web.RetryLaterException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Public PDFs (the village notice, the project disclosure) are limited per address and made in slots of their own:
 * a flood from one address gets 429 with Retry-After, and officials print while the public's slots are all taken.
 */
@IntegrationTest
class PublicPrintTest {

    static final String NOTICE = "/public/notices.pdf?village=654224102202";
    static final String DISCLOSURE = "/public/projects.pdf?region=654224102000";

    @Autowired TestRestTemplate rest;
    @Autowired WebApplicationContext context;
    @Autowired PublicPrintLimiter limiter;
    @Autowired PrintFont font;
    @Autowired ObjectMapper json;

    @Test
    void oneAddressAskingForTooManyPublicPdfsGets429WithRetryAfterAndOthersStillPrint() throws Exception {
        // all test requests come from 127.0.0.1: this one comes from an address of its own, whose window is used up
        String address = "203.0.113.71";
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        assertThat(get(mvc, address, NOTICE).getStatus()).as("the first print of the address").isEqualTo(200);
        for (int i = 0; i < 100_000; i++) {
            try {
                limiter.check(address);
            } catch (RetryLaterException e) {
                break;
            }
        }

        for (String url : List.of(NOTICE, DISCLOSURE)) {
            MockHttpServletResponse refused = get(mvc, address, url);
            assertThat(refused.getStatus()).as(url).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
            assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 600L);
            JsonNode problem = json.readTree(refused.getContentAsString());
            assertThat(problem.get("type").asText()).endsWith("/too-many-prints");
            assertThat(problem.get("title").asText()).startsWith("打印请求过于频繁");
            assertThat(problem.get("errors").get("print").asText()).contains("public PDFs per 10 minutes from one address");
        }

        ResponseEntity<byte[]> otherAddress = rest.getForEntity(NOTICE, byte[].class);
        assertThat(otherAddress.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(otherAddress.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    }

    @Test
    void officialsPrintWhileEveryPublicSlotIsTakenAndThePublicIsAskedToRetry() throws Exception {
        List<PrintFont.Loaded> taken = new java.util.ArrayList<>();
        try {
            while (true) {
                try {
                    taken.add(font.load(PrintFont.Lane.PUBLIC));
                } catch (RetryLaterException full) {
                    break;
                }
            }
            assertThat(taken).as("the public's slots").isNotEmpty();

            ResponseEntity<byte[]> report = rest.withBasicAuth("township.654224101", "demo")
                    .getForEntity("/api/reports/guide.pdf?region=654224101000", byte[].class);
            assertThat(report.getStatusCode()).as("the official's print").isEqualTo(HttpStatus.OK);
            assertThat(report.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

            ResponseEntity<JsonNode> notice = rest.getForEntity(NOTICE, JsonNode.class);
            assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(notice.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(notice.getBody().get("type").asText()).endsWith("/busy-printing");
        } finally {
            for (PrintFont.Loaded loaded : taken) {
                loaded.close();
            }
        }
        assertThat(rest.getForEntity(NOTICE, byte[].class).getStatusCode()).as("free again").isEqualTo(HttpStatus.OK);
    }

    private static MockHttpServletResponse get(MockMvc mvc, String address, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn().getResponse();
    }
}
