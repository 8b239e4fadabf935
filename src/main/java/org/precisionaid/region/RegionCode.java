package org.precisionaid.region;

import java.util.regex.Pattern;

/** A 12-digit statistical division code (统计用区划代码): 6 digits county, +3 township, +3 village. */
public record RegionCode(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public RegionCode {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new InvalidRegionCodeException(value);
        }
        if (value.startsWith("00")) {
            throw new InvalidRegionCodeException(value);
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /** The code of a request field: a broken one is refused naming the field. */
    public static RegionCode of(String value, String field) {
        try {
            return new RegionCode(value);
        } catch (InvalidRegionCodeException e) {
            throw new InvalidRegionCodeException(value, field);
        }
    }

    /** The lowest level whose significant digits are not all zero. */
    public RegionLevel level() {
        for (RegionLevel candidate : RegionLevel.values()) {
            if (value.substring(candidate.significantDigits()).chars().allMatch(c -> c == '0')) {
                return candidate;
            }
        }
        return RegionLevel.VILLAGE;
    }

    /** The leading digits that identify this region at the given level (for a village at township level: 9 digits). */
    public String prefix(RegionLevel atLevel) {
        if (level().isAbove(atLevel)) {
            throw new IllegalArgumentException(value + " lies above " + atLevel);
        }
        return value.substring(0, atLevel.significantDigits());
    }

    /** The code of the enclosing region at the given level, padded with zeros. */
    public RegionCode ancestor(RegionLevel atLevel) {
        String prefix = prefix(atLevel);
        return new RegionCode(prefix + "0".repeat(12 - prefix.length()));
    }

    public RegionCode parent() {
        RegionLevel parentLevel = level().parent();
        return parentLevel == null ? null : ancestor(parentLevel);
    }

    public boolean isWithin(RegionCode other) {
        RegionLevel otherLevel = other.level();
        return !level().isAbove(otherLevel) && prefix(otherLevel).equals(other.prefix(otherLevel));
    }

    @Override
    public String toString() {
        return value;
    }
}
