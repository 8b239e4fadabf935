package org.precisionaid.web.input;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * Decimals against the column that keeps them ({@code numeric(precision, scale)}): a value with more digits after the
 * point than the column keeps is refused, never rounded; one with more digits before it, refused, never overflowing.
 */
public final class Numbers {

    private Numbers() {
    }

    /** Why the value does not fit {@code integerDigits} before the point and {@code fractionDigits} after, or null. */
    @Nullable
    public static String outOfRange(BigDecimal value, int integerDigits, int fractionDigits) {
        BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (plain.scale() > fractionDigits) {
            return fractionDigits == 0 ? "must be a whole number"
                    : "at most " + fractionDigits + " digits after the decimal point (nothing is rounded)";
        }
        if (plain.precision() - plain.scale() > integerDigits) {
            return "at most " + integerDigits + " digits before the decimal point";
        }
        return null;
    }

    /**
     * Checks a positive decimal kept in {@code numeric(precision, scale)}; puts field → rule into errors when it is
     * missing, not positive or does not fit. @return whether it is acceptable
     */
    public static boolean positive(@Nullable BigDecimal value, String field, int precision, int scale,
            Map<String, String> errors) {
        if (value == null) {
            errors.put(field, "is required");
            return false;
        }
        if (value.signum() <= 0) {
            errors.put(field, "must be a positive number");
            return false;
        }
        String rule = outOfRange(value, precision - scale, scale);
        if (rule != null) {
            errors.put(field, rule);
            return false;
        }
        return true;
    }
}
