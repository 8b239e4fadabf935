package org.precisionaid.crosscheck;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of department list the county compares with (domain.md, "Department data cross-check"): which department
 * keeps it, what its category column holds and what its amount means. Which rows matter is bpmn/crosscheck-rules.dmn.
 */
public enum DepartmentKind {
    VEHICLE("车辆登记 / Vehicle registrations", "价值（元） / Value (yuan)",
            Map.of("CAR", "小型汽车 / Car", "TRUCK", "货车 / Truck", "MOTORCYCLE", "摩托车 / Motorcycle",
                    "AGRICULTURAL", "农用车 / Farm vehicle")),
    BUSINESS("工商登记 / Business registrations", "注册资本（元） / Registered capital (yuan)",
            Map.of("LEGAL_REPRESENTATIVE", "法定代表人 / Legal representative", "SHAREHOLDER", "股东 / Shareholder",
                    "MANAGER", "高管 / Manager", "INDIVIDUAL", "个体工商户 / Sole trader")),
    REAL_ESTATE("不动产登记 / Real estate", "面积（平方米） / Area (m²)",
            Map.of("COMMERCIAL", "商品房 / Commercial housing", "SELF_BUILT", "自建房 / Self-built house",
                    "OTHER", "其他 / Other")),
    PUBLIC_EMPLOYEE("财政供养人员 / Public employees", "月工资（元） / Monthly pay (yuan)",
            Map.of("CIVIL_SERVANT", "公务员 / Civil servant", "INSTITUTION", "事业单位 / Public institution",
                    "VILLAGE_CADRE", "村干部 / Village cadre", "PUBLIC_WELFARE_JOB", "公益性岗位 / Public-welfare job")),
    PENSION("养老金与社会保险 / Pensions and social insurance", "月领取额（元） / Monthly payment (yuan)",
            Map.of("URBAN_EMPLOYEE", "城镇职工养老 / Employee pension", "RURAL_RESIDENT", "城乡居民养老 / Residents' pension")),
    SOCIAL_ASSISTANCE("低保与特困供养 / Subsistence allowance and 特困 support", "月领取额（元） / Monthly payment (yuan)",
            Map.of("DIBAO", "低保 / Subsistence allowance", "TEKUN", "特困供养 / 特困 support")),
    DEATH("死亡登记 / Deaths", "（不填） / (empty)", Map.of());

    private final String label;
    private final String amountMeaning;
    private final Map<String, String> categories;

    DepartmentKind(String label, String amountMeaning, Map<String, String> categories) {
        this.label = label;
        this.amountMeaning = amountMeaning;
        this.categories = new LinkedHashMap<>(categories);
    }

    public String label() {
        return label;
    }

    public String amountMeaning() {
        return amountMeaning;
    }

    public Map<String, String> categories() {
        return categories;
    }

    /** A category given as its code, its bilingual label or its Chinese half. */
    public Optional<String> category(String text) {
        String t = text.strip();
        return categories.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(t) || e.getValue().equals(t) || e.getValue().split(" / ")[0].equals(t))
                .map(Map.Entry::getKey).findFirst();
    }

    public static Optional<DepartmentKind> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(t)).findFirst();
    }
}
