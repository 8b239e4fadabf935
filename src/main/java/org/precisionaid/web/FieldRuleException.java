package org.precisionaid.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A business rule broken by named fields of a request; becomes a problem detail listing field → rule. */
public class FieldRuleException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, String> errors;

    public FieldRuleException(HttpStatus status, String type, String title, Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }

    public static FieldRuleException invalid(Map<String, String> errors) {
        return new FieldRuleException(HttpStatus.BAD_REQUEST, "validation", "输入有误 / Invalid input", errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
