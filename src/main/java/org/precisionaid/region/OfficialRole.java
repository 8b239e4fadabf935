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
    // project funding (issue #10): the county leading group approves large projects, the finance bureau moves
    // the money, and each project type is reviewed by its lead unit (DMN leadUnit in bpmn/funding-rules.dmn)
    LEADING_GROUP(RegionLevel.COUNTY, "县扶贫开发领导小组 / County poverty-alleviation leading group"),
    FINANCE(RegionLevel.COUNTY, "县财政局 / County finance bureau"),
    AGRICULTURE(RegionLevel.COUNTY, "县农业农村局 / County agriculture and animal husbandry bureau"),
    HRSS(RegionLevel.COUNTY, "县人社局 / County human resources and social security bureau"),
    COMMERCE(RegionLevel.COUNTY, "县商务局 / County commerce bureau"),
    WATER(RegionLevel.COUNTY, "县水利局 / County water affairs bureau"),
    TRANSPORT(RegionLevel.COUNTY, "县交通运输局 / County transport bureau"),
    CONSTRUCTION(RegionLevel.COUNTY, "县住建局 / County construction bureau"),
    ENERGY(RegionLevel.COUNTY, "县能源主管部门 / County energy bureau"),
    FORESTRY(RegionLevel.COUNTY, "县林业局 / County forestry bureau"),
    RURAL_OFFICE(RegionLevel.COUNTY, "县委农办 / County party committee agricultural office"),
    LAND(RegionLevel.COUNTY, "县国土资源局 / County land and resources bureau"),
    EDUCATION(RegionLevel.COUNTY, "县教育局 / County education bureau"),
    HEALTH(RegionLevel.COUNTY, "县卫健委 / County health commission"),
    CULTURE(RegionLevel.COUNTY, "县文化局 / County culture bureau"),
    SCIENCE(RegionLevel.COUNTY, "县科技局 / County science and technology bureau"),
    FINANCIAL_OFFICE(RegionLevel.COUNTY, "县金融办 / County finance office"),
    CIVIL_AFFAIRS(RegionLevel.COUNTY, "县民政局 / County civil affairs bureau"),
    /** Reads history across his region and changes nothing; may sit at any level. */
    AUDITOR(null, "审计 / Auditor"),
    /** An assisting cadre (帮扶干部): sees and records the work for his own households, not his county's. */
    CADRE(RegionLevel.COUNTY, "帮扶干部 / Assisting cadre"),
    /**
     * Checks sampled cases against their files in an inspection round (issue #24, §5 random checks, §28 supervision)
     * and verifies the rectification of what he found; a group per county, so the inspected townships never see the
     * sample.
     */
    INSPECTOR(RegionLevel.COUNTY, "督查员 / Inspector");

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
