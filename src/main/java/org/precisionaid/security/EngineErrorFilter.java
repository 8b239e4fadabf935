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
import org.precisionaid.procedure.PleaseCorrect;
import org.precisionaid.security.engine.FormContractViolation;
import org.precisionaid.web.ApiExceptionHandler;
import org.precisionaid.web.DatabaseOutage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Engine failures that are no programming error, answered by both engine APIs with an engine message (most as a
 * 500), become problem details an official understands (Camunda's {@code message} field is kept, so Tasklist
 * shows the text): two officials claimed or completed the same task at the same moment → 409 (also when the later
 * claim was refused for want of rights the earlier claim took); the database cannot be
 * reached → 503 (see {@link DatabaseOutage}); a call refused for sending what the form does not ask for → 400 naming
 * each field ({@link FormContractViolation}; the engine itself answers 500 for a refused start); entries a rule of
 * the procedure refused ({@link PleaseCorrect}, 400 from the engine) → the same problem detail at both doors.
 */
public class EngineErrorFilter extends OncePerRequestFilter {

    private static final List<String> CONFLICT_MARKERS = List.of("updated by another transaction concurrently",
            "TaskAlreadyClaimedException", "is already claimed by someone else", "OptimisticLockingException",
            // the registry's own optimistic lock (JPA @Version) tripped inside a task listener
            "Row was updated or deleted by another transaction",
            // the other one was a moment faster and the task is gone: for this official that is the same conflict
            // (the second of two actions on one task waits for the first, see OneActionPerTask)
            "Cannot find task with id");

    private static final String PLEASE_CORRECT = PleaseCorrect.PREFIX;

    /** {@code …/task/{id}/claim} on either engine API. */
    private static final java.util.regex.Pattern CLAIM = java.util.regex.Pattern.compile(".*/task/([^/]+)/claim$");

    private final ObjectMapper json;
    private final org.camunda.bpm.engine.TaskService tasks;

    public EngineErrorFilter(ObjectMapper json, org.camunda.bpm.engine.TaskService tasks) {
        this.json = json;
        this.tasks = tasks;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EngineRequestExpressionFilter.isEngineApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        FormContractViolation.takeLast(); // nothing of an earlier request on this thread
        chain.doFilter(request, buffered);
        FormContractViolation violation = FormContractViolation.takeLast();
        if (violation != null && buffered.getStatus() >= 400) {
            // the engine answers a refused start with 500: the caller sent what his form does not ask for
            replace(buffered, HttpStatus.BAD_REQUEST, "form-contract", "表单之外的输入 / Input the form does not ask for",
                    violation.getMessage(), java.util.Map.of("errors", violation.errors()));
        } else if (buffered.getStatus() == HttpStatus.BAD_REQUEST.value()
                && errorMessage(buffered.getContentAsByteArray()).contains(PLEASE_CORRECT)) {
            pleaseCorrect(buffered);
        } else if (buffered.getStatus() == HttpStatus.FORBIDDEN.value() && claimedByAnother(request)) {
            // a colleague claimed it a moment earlier: the claim took the group's right to work on it with it
            replace(buffered, HttpStatus.CONFLICT, "concurrent-change", "冲突 / Conflict",
                    ApiExceptionHandler.CONCURRENT_CHANGE);
        } else if (buffered.getStatus() >= 500) {
            String text = errorText(buffered.getContentAsByteArray());
            if (CONFLICT_MARKERS.stream().anyMatch(text::contains)) {
                replace(buffered, HttpStatus.CONFLICT, "concurrent-change", "冲突 / Conflict",
                        ApiExceptionHandler.CONCURRENT_CHANGE);
            } else if (text.contains(PLEASE_CORRECT)) {
                pleaseCorrect(buffered); // a correction the engine did not see as one (EntryCorrections)
            } else if (DatabaseOutage.MESSAGE_MARKERS.stream().anyMatch(text::contains)) {
                replace(buffered, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", DatabaseOutage.TITLE,
                        DatabaseOutage.DETAIL);
            }
        }
        buffered.copyBodyToResponse();
    }

    /**
     * A rule of the procedure refused the official's entries ({@link PleaseCorrect}): his input, not a server fault.
     * The engine APIs put "Cannot submit task form …: " before it; Tasklist shows what he is to correct.
     */
    private void pleaseCorrect(ContentCachingResponseWrapper buffered) throws IOException {
        String message = errorMessage(buffered.getContentAsByteArray());
        int correction = message.indexOf(PLEASE_CORRECT);
        replace(buffered, HttpStatus.BAD_REQUEST, "please-correct", PLEASE_CORRECT,
                correction < 0 ? message : message.substring(correction));
    }

    /** A refused claim of a task that someone else holds now (read after the request, without the caller's rights). */
    private boolean claimedByAnother(HttpServletRequest request) {
        java.util.regex.Matcher claim = CLAIM.matcher(request.getRequestURI());
        if (!"POST".equals(request.getMethod()) || !claim.matches()) {
            return false;
        }
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskId(claim.group(1)).singleResult();
        return task != null && task.getAssignee() != null && !task.getAssignee().equals(request.getRemoteUser());
    }

    private void replace(ContentCachingResponseWrapper buffered, HttpStatus status, String type, String title,
            String detail) throws IOException {
        replace(buffered, status, type, title, detail, java.util.Map.of());
    }

    private void replace(ContentCachingResponseWrapper buffered, HttpStatus status, String type, String title,
            String detail, java.util.Map<String, ?> properties) throws IOException {
        buffered.resetBuffer();
        ObjectNode problem = json.valueToTree(ApiExceptionHandler.problem(status, type, title, detail, properties));
        problem.put("message", detail); // what Tasklist and Cockpit show
        buffered.setStatus(status.value());
        buffered.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
        buffered.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private String errorMessage(byte[] body) {
        try {
            return json.readTree(body).path("message").asText();
        } catch (IOException notJson) {
            return PLEASE_CORRECT;
        }
    }

    private String errorText(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error.path("type").asText() + " " + error.path("message").asText();
        } catch (IOException notJson) {
            return "";
        }
    }
}
