package org.precisionaid.procedure;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads an official's form entries and collects the rules they break, field by field. */
public final class FormInput {

    public static final int MAX_COMMENT = 1000;

    private FormInput() {
    }

    /** Free text, trimmed; required or not; at most {@link #MAX_COMMENT} characters. */
    public static String text(VariableScope scope, String field, boolean required, Map<String, String> errors) {
        Object value = scope.getVariable(field);
        String text = value == null ? "" : value.toString().trim();
        if (required && text.isEmpty()) {
            errors.put(field, "is required");
        } else if (text.length() > MAX_COMMENT) {
            errors.put(field, "at most " + MAX_COMMENT + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    /** A whole number (forms send numbers as doubles or longs). */
    public static Long whole(Object value, String field, Map<String, String> errors) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        errors.put(field, value == null ? "is required" : "must be a whole number");
        return null;
    }

    /** One of the allowed choices of a radio group. */
    public static String choice(VariableScope scope, String field, Set<String> allowed, Map<String, String> errors) {
        Object raw = scope.getVariable(field);
        String value = raw == null ? null : raw.toString();
        if (value == null || !allowed.contains(value)) {
            errors.put(field, "choose one of " + allowed);
            return null;
        }
        return value;
    }

    /** A date as form-js sends it (2026-11-23, or an ISO date-time); API clients and tests may send a Date. */
    public static java.time.LocalDate date(Object value, String field, Map<String, String> errors) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            String trimmed = text.trim();
            try {
                return java.time.LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
            } catch (java.time.format.DateTimeParseException e) {
                errors.put(field, "'" + text + "' is not a date (yyyy-MM-dd)");
                return null;
            }
        }
        errors.put(field, "is required (yyyy-MM-dd)");
        return null;
    }
}
