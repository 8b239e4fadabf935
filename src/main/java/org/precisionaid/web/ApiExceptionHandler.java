package org.precisionaid.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
        // a code always comes in a field; where the caller did not name it, it is a region code of the request
        String field = e.field() == null ? "regionCode" : e.field();
        return problem(HttpStatus.BAD_REQUEST, "invalid-region-code", "无效的区划代码 / Invalid region code",
                e.getMessage(), Map.of("value", String.valueOf(e.code()),
                        "errors", Map.of(field, InvalidRegionCodeException.RULE)));
    }

    /** A division list with broken rules: every one with its line, code and rule; nothing was imported. */
    @ExceptionHandler(org.precisionaid.region.RegionImportException.class)
    ProblemDetail regionImport(org.precisionaid.region.RegionImportException e) {
        return problem(HttpStatus.BAD_REQUEST, "region-import", "区划导入有误，未导入任何行 / Division list refused, nothing imported",
                e.getMessage(), Map.of("errors", e.errors()));
    }

    /** A household workbook with broken rules: every one with sheet, row, column and rule; nothing was imported. */
    @ExceptionHandler(org.precisionaid.registry.HouseholdImportException.class)
    ProblemDetail householdImport(org.precisionaid.registry.HouseholdImportException e,
            jakarta.servlet.http.HttpServletRequest request) {
        if (e.forbidden()) {
            org.precisionaid.security.SecurityLog.refused(request.getRemoteUser(),
                    request.getMethod() + " " + request.getRequestURI(), "households of another village in the workbook");
        }
        return problem(e.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST, "household-import",
                "工作簿有误，未导入任何农户 / Workbook refused, nothing imported", e.getMessage(), Map.of("errors", e.errors()));
    }

    /** A department's alert list with malformed rows: every one with row, column and rule; no case was started. */
    @ExceptionHandler(org.precisionaid.monitoring.AlertImportException.class)
    ProblemDetail alertImport(org.precisionaid.monitoring.AlertImportException e) {
        return problem(HttpStatus.BAD_REQUEST, "alert-import",
                "预警名单有误，未发起任何监测 / Alert list refused, no case started", e.getMessage(),
                Map.of("errors", e.errors()));
    }

    @ExceptionHandler(org.precisionaid.crosscheck.RegisterImportException.class)
    ProblemDetail registerImport(org.precisionaid.crosscheck.RegisterImportException e) {
        return problem(HttpStatus.BAD_REQUEST, "register-import",
                "部门名单有误，未导入任何记录 / Department list refused, nothing stored", e.getMessage(),
                Map.of("errors", e.errors(), "errorCount", e.total()));
    }

    @ExceptionHandler(UnknownRegionException.class)
    ProblemDetail unknownRegion(UnknownRegionException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-region", "区划不存在 / Unknown region", e.getMessage(), Map.of());
    }

    @ExceptionHandler(UnknownRoleException.class)
    ProblemDetail unknownRole(UnknownRoleException e) {
        // only an official's account names a role (POST /api/officials, field role)
        return problem(HttpStatus.BAD_REQUEST, "unknown-role", "未知角色 / Unknown role", e.getMessage(),
                Map.of("errors", Map.of("role", "must be one of " + org.precisionaid.region.OfficialRole.allKeys())));
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

    @ExceptionHandler(org.precisionaid.report.ReportNotFoundException.class)
    ProblemDetail reportNotFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-report", "报表不存在 / Unknown report", e.getMessage(), Map.of());
    }

    @ExceptionHandler(org.precisionaid.audit.AuditCaseNotFoundException.class)
    ProblemDetail auditCaseNotFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-case", "案件不存在 / Unknown case", e.getMessage(), Map.of());
    }

    /** Two officials acted on the same record at the same moment: the second is told, nothing of his is written. */
    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class,
            org.camunda.bpm.engine.TaskAlreadyClaimedException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "冲突 / Conflict", CONCURRENT_CHANGE, Map.of());
    }

    public static final String CONCURRENT_CHANGE = "他人刚刚办理了同一事项，请刷新后再试 / Someone else acted on this "
            + "at the same moment; reload it and try again";

    /** Anything else: a problem detail without a stack trace; 503 when the database cannot be reached. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", DatabaseOutage.TITLE,
                    DatabaseOutage.DETAIL, Map.of());
        }
        org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class).error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "内部错误 / Internal error",
                "The server failed to answer; the failure is logged", Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "冲突 / Conflict", e.getMessage(), Map.of());
    }

    /** 429 or 503 that passes with time: the problem, and {@code Retry-After} in seconds. */
    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<ProblemDetail> retryLater(RetryLaterException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(e.status(), e.type(), e.title(), e.getMessage(), Map.of("errors", e.errors())));
    }

    @ExceptionHandler(FieldRuleException.class)
    ProblemDetail fieldRule(FieldRuleException e, jakarta.servlet.http.HttpServletRequest request) {
        if (e.status() == HttpStatus.FORBIDDEN) {
            org.precisionaid.security.SecurityLog.refused(request.getRemoteUser(),
                    request.getMethod() + " " + request.getRequestURI(), "outside the official's region: " + e.errors().keySet());
        }
        return problem(e.status(), e.type(), e.title(), e.getMessage(), Map.of("errors", e.errors()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
        org.precisionaid.security.SecurityLog.refused(request.getRemoteUser(),
                request.getMethod() + " " + request.getRequestURI(), "no permission");
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

    /**
     * A body that cannot be read: 400 naming the JSON path ({@code budgetLines[2].amount}) and the rule: an unknown
     * property, a null in a list, a number out of range, a value of the wrong kind, text with control characters.
     * Without a path (malformed JSON, no body) the field is {@code body}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String rule = rule(mapping);
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation",
                    "输入有误 / Invalid input", field + ": " + rule, Map.of("errors", Map.of(field, rule))));
        }
        String rule = ex.getCause() == null ? "is required: a JSON object"
                : ex.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        && json.getLocation() != null && json.getLocation().getLineNr() > 0
                        ? "is not valid JSON of the expected shape (line " + json.getLocation().getLineNr() + ", column "
                                + json.getLocation().getColumnNr() + ")"
                        : "is not valid JSON of the expected shape";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable",
                "无法读取请求 / Unreadable request",
                "The body is not valid JSON of the expected shape (numbers as numbers, lists as lists)",
                Map.of("errors", Map.of("body", rule))));
    }

    /** A query or path parameter of the wrong kind ({@code year=abc}): 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(ex.getPropertyName());
        String rule = "must be " + expected(ex.getRequiredType());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation", "输入有误 / Invalid input",
                field + ": " + rule, Map.of("errors", Map.of(field, rule))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation", "输入有误 / Invalid input",
                ex.getParameterName() + ": is required", Map.of("errors", Map.of(ex.getParameterName(), "is required"))));
    }

    private static String rule(JsonMappingException e) {
        if (e instanceof org.precisionaid.web.input.InputRefusal refusal) {
            return refusal.rule();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "is not a field of this body (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
            return "must not be null";
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException coercion) {
            Class<?> type = coercion.getTargetType();
            return "is out of range" + (type == Integer.class || type == int.class ? ": a whole number up to 2147483647"
                    : type == Long.class || type == long.class ? ": a whole number up to 9223372036854775807" : "");
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class
                    || type == Short.class || type == short.class;
            return "must be " + (whole ? "a whole number" : expected(type));
        }
        return "is not readable as the expected value";
    }

    /** {@code members[1].age}, as the caller wrote it. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
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
