package org.precisionaid.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.precisionaid.web.ApiExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two officials claim or complete the same task at the same moment: Camunda's REST API answers the loser with a
 * 500 and an engine message ("Entity was updated by another transaction concurrently"). This turns exactly those
 * answers of both engine APIs into a 409 problem detail with a message an official understands, keeping
 * Camunda's {@code message} field so Tasklist shows it. Only state-changing requests are buffered.
 */
public class EngineConflictFilter extends OncePerRequestFilter {

    private static final List<String> CONFLICT_MARKERS = List.of("updated by another transaction concurrently",
            "TaskAlreadyClaimedException", "is already claimed by someone else", "OptimisticLockingException",
            // the other one was a moment faster and the task is gone: for this official that is the same conflict
            "Cannot find task with id");

    private final ObjectMapper json;

    public EngineConflictFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod())
                || !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() >= 500 && isConcurrentChange(buffered.getContentAsByteArray())) {
            buffered.resetBuffer();
            ObjectNode problem = json.valueToTree(ApiExceptionHandler.problem(HttpStatus.CONFLICT, "concurrent-change",
                    "冲突 / Conflict", ApiExceptionHandler.CONCURRENT_CHANGE, java.util.Map.of()));
            problem.put("message", ApiExceptionHandler.CONCURRENT_CHANGE); // what Tasklist shows
            buffered.setStatus(HttpStatus.CONFLICT.value());
            buffered.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
            buffered.getOutputStream().write(json.writeValueAsBytes(problem));
        }
        buffered.copyBodyToResponse();
    }

    private boolean isConcurrentChange(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            String text = error.path("type").asText() + " " + error.path("message").asText();
            return CONFLICT_MARKERS.stream().anyMatch(text::contains);
        } catch (IOException notJson) {
            return false;
        }
    }
}
