package org.precisionaid.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.precisionaid.web.ApiExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A URL the security firewall refuses ({@code ..}, an encoded slash, a control character in the path) is answered
 * as every other bad input: a 400 problem detail naming the {@code path}, not the servlet container's error page.
 */
@Configuration
public class RejectedRequests {

    static final String RULE = "must not contain '..', '//', encoded slashes, backslashes, semicolons or control characters";

    @Bean
    RequestRejectedHandler problemForRejectedRequest(ObjectMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST,
                    "unreadable", "无法读取请求 / Unreadable request", "The URL was refused: path " + RULE,
                    Map.of("errors", Map.of("path", RULE))));
        };
    }
}
