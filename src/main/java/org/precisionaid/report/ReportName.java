package org.precisionaid.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The "three tables, two maps and one guide" (三表两图一册, implementation plan §26), each under its name in
 * {@code /api/reports/{name}}.
 */
public enum ReportName {
    DISTRIBUTION("distribution", "贫困村和贫困人口分布表 / Distribution of poor villages and poor population"),
    INCOME_TARGETS("income-targets", "农民人均纯收入目标表 / Per-capita net income targets"),
    REDUCTION_TASKS("reduction-tasks", "减贫任务表 / Poverty-reduction tasks"),
    PROJECTS_MAP("projects-map", "产业和基础设施项目布局图 / Industrial and infrastructure project map"),
    INCIDENCE_MAP("incidence-map", "贫困发生率分布图 / Poverty incidence map"),
    GUIDE("guide", "扶贫明细手册 / Detailed assistance guide"),
    /** Not one of the plan's six: return-to-poverty monitoring (issue #21). */
    MONITORING("monitoring", "防返贫监测统计表 / Return-to-poverty monitoring table"),
    /** Not one of the plan's six: findings of the inspection rounds and their rectification (issue #24). */
    INSPECTION_FINDINGS("inspection-findings", "督查问题整改统计表 / Inspection findings and rectification");

    private final String path;
    private final String title;

    ReportName(String path, String title) {
        this.path = path;
        this.title = title;
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public static Optional<ReportName> of(String path) {
        return Arrays.stream(values()).filter(name -> name.path.equals(path)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ReportName::path).toList());
    }
}
