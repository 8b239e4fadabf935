package org.precisionaid.assistance;

/** What a ledger entry records: a visit, or a measure delivered to the household (§6-14, §25). */
public enum MeasureType {
    VISIT("走访慰问 / Visit"),
    POLICY("政策宣传 / Policy explained"),
    INDUSTRY("产业扶持 / Industry support"),
    EMPLOYMENT("转移就业 / Employment"),
    SKILLS("技能培训 / Skills training"),
    CREDIT("小额信贷 / Micro-credit"),
    EDUCATION("教育资助 / Education aid"),
    HEALTH("健康扶贫 / Health support"),
    HOUSING("危房改造 / Housing renovation"),
    SOCIAL_ASSISTANCE("社会救助 / Social assistance"),
    OTHER("其他 / Other");

    private final String label;

    MeasureType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
