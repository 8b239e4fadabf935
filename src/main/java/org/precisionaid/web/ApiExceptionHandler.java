package org.precisionaid.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.precisionaid.region.InvalidRegionCodeException;

import org.precisionaid.region.RoleLevelMismatchException;
import org.precisionaid.region.UnknownRegionException;
import org.precisionaid.region.UnknownRoleException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of our REST API as an RFC 9457 problem detail that names the field and the rule. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://precision-aid.org/problems/";

    @ExceptionHandler(InvalidRegionCodeException.class)
    ProblemDetail invalidCode(InvalidRegionCodeException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-region-code", "无效的区划代码 / Invalid region code",
                e.getMessage(), Map.of("value", String.valueOf(e.code())));
    }

    @ExceptionHandler(UnknownRegionException.class)
    ProblemDetail unknownRegion(UnknownRegionException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-region", "区划不存在 / Unknown region", e.getMessage(), Map.of());
    }

    @ExceptionHandler(UnknownRoleException.class)
    ProblemDetail unknownRole(UnknownRoleException e) {
        return problem(HttpStatus.BAD_REQUEST, "unknown-role", "未知角色 / Unknown role", e.getMessage(), Map.of());
    }

    @ExceptionHandler(RoleLevelMismatchException.class)
    ProblemDetail roleLevel(RoleLevelMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "role-level-mismatch", "角色与区划级别不符 / Role does not fit the region level",
                e.getMessage(), Map.of());
    }

    @ExceptionHandler(org.precisionaid.registry.HouseholdNotFoundException.class)
    ProblemDetail householdNotFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-household", "申请不存在 / Unknown application", e.getMessage(),
                Map.of());
    }

    @ExceptionHandler(org.precisionaid.project.ProjectNotFoundException.class)
    ProblemDetail projectNotFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-project", "项目不存在 / Unknown project", e.getMessage(), Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "冲突 / Conflict", e.getMessage(), Map.of());
    }

    @ExceptionHandler(FieldRuleException.class)
    ProblemDetail fieldRule(FieldRuleException e) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), Map.of("errors", e.errors()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                "Your account may not do this", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        String detail = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation",
                "输入有误 / Invalid input", detail, Map.of("errors", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable",
                "无法读取请求 / Unreadable request",
                "The body is not valid JSON of the expected shape (numbers as numbers, lists as lists)", Map.of()));
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, @Nullable String detail,
            Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
