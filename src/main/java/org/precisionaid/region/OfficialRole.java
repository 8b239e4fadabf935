package org.precisionaid.region;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an official does, and at which level of the administration he does it. */
public enum OfficialRole {
    CLERK(RegionLevel.VILLAGE, "村文书 / Village clerk"),
    VILLAGE(RegionLevel.VILLAGE, "村委会 / Village committee"),
    TOWNSHIP(RegionLevel.TOWNSHIP, "乡镇审核 / Township reviewer"),
    COUNTY(RegionLevel.COUNTY, "县扶贫办 / County poverty-alleviation office"),
    CITY(RegionLevel.CITY, "市扶贫办 / City poverty-alleviation office"),
    /** Reads history across his region and changes nothing; may sit at any level. */
    AUDITOR(null, "审计 / Auditor"),
    /** An assisting cadre (帮扶干部): sees and records the work for his own households, not his county's. */
    CADRE(RegionLevel.COUNTY, "帮扶干部 / Assisting cadre");

    private final RegionLevel level;
    private final String label;

    OfficialRole(RegionLevel level, String label) {
        this.level = level;
        this.label = label;
    }

    /** The level the role belongs to, or {@code null} when the role exists at every level. */
    public RegionLevel level() {
        return level;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OfficialRole fromKey(String key) {
        return Arrays.stream(values())
                .filter(role -> role.key().equalsIgnoreCase(key == null ? "" : key.trim()))
                .findFirst()
                .orElseThrow(() -> new UnknownRoleException(key));
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(OfficialRole::key).collect(Collectors.joining(", "));
    }
}
