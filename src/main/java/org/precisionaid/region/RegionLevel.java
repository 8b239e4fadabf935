package org.precisionaid.region;

/**
 * Administrative levels with the number of leading code digits that identify a region of that level
 * (the remaining digits of the 12-digit statistical division code are zero).
 */
public enum RegionLevel {
    PROVINCE(2, "省 / Province"),
    CITY(4, "市 / City"),
    COUNTY(6, "县 / County"),
    TOWNSHIP(9, "乡镇 / Township"),
    VILLAGE(12, "村 / Village");

    private final int significantDigits;
    private final String label;

    RegionLevel(int significantDigits, String label) {
        this.significantDigits = significantDigits;
        this.label = label;
    }

    public int significantDigits() {
        return significantDigits;
    }

    public String label() {
        return label;
    }

    public RegionLevel parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    public boolean isAbove(RegionLevel other) {
        return ordinal() < other.ordinal();
    }
}
