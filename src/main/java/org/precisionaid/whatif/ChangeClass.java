package org.precisionaid.whatif;

/** How a household's outcome moves from today's rule to the changed one. */
public enum ChangeClass {
    NEWLY_ELIGIBLE("新纳入 / Newly eligible"),
    NO_LONGER_ELIGIBLE("不再符合 / No longer eligible"),
    SUPPORT_CHANGED("帮扶方式变化 / Kind of support changes"),
    WOULD_EXIT("将脱贫 / Would exit"),
    WOULD_NOT_EXIT("不再脱贫 / Would not exit"),
    OUTCOME_CHANGED("其他变化 / Other change"),
    NEWLY_MONITORED("新纳入监测 / Newly monitored"),
    NO_LONGER_MONITORED("不再监测 / No longer monitored"),
    CATEGORY_CHANGED("监测类别变化 / Monitoring category changes");

    private final String label;

    ChangeClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static ChangeClass of(WhatIfRule rule, String today, String changed) {
        if (rule == WhatIfRule.IDENTIFICATION) {
            boolean was = !"NOT_ELIGIBLE".equals(today);
            boolean is = !"NOT_ELIGIBLE".equals(changed);
            return was == is ? SUPPORT_CHANGED : is ? NEWLY_ELIGIBLE : NO_LONGER_ELIGIBLE;
        }
        if (rule == WhatIfRule.MONITORING) {
            boolean was = !"NOT_AT_RISK".equals(today);
            boolean is = !"NOT_AT_RISK".equals(changed);
            return was == is ? CATEGORY_CHANGED : is ? NEWLY_MONITORED : NO_LONGER_MONITORED;
        }
        boolean was = "EXIT_PROPOSED".equals(today);
        boolean is = "EXIT_PROPOSED".equals(changed);
        return was == is ? OUTCOME_CHANGED : is ? WOULD_EXIT : WOULD_NOT_EXIT;
    }

    static java.util.List<ChangeClass> of(WhatIfRule rule) {
        return switch (rule) {
            case IDENTIFICATION -> java.util.List.of(NEWLY_ELIGIBLE, NO_LONGER_ELIGIBLE, SUPPORT_CHANGED);
            case EXIT -> java.util.List.of(WOULD_EXIT, WOULD_NOT_EXIT, OUTCOME_CHANGED);
            case MONITORING -> java.util.List.of(NEWLY_MONITORED, NO_LONGER_MONITORED, CATEGORY_CHANGED);
        };
    }
}
