package org.precisionaid.assessment;

import org.precisionaid.registry.Codes.Labelled;

/**
 * The lines of a household's income and expenditure account (收支台账). The four income items are those of the
 * application (identification), so the year's per-capita net income is computed by the same rule.
 */
public enum AccountItem implements Labelled {
    WAGES(Kind.INCOME, "工资性收入 / Wages"),
    OPERATING(Kind.INCOME, "生产经营性净收入 / Net operating income"),
    PROPERTY(Kind.INCOME, "财产性收入 / Property income"),
    TRANSFER(Kind.INCOME, "转移性收入 / Transfer income"),
    PRODUCTION(Kind.EXPENDITURE, "生产经营支出 / Production costs"),
    MEDICAL(Kind.EXPENDITURE, "医疗支出 / Medical costs"),
    EDUCATION(Kind.EXPENDITURE, "教育支出 / Schooling costs"),
    HOUSING(Kind.EXPENDITURE, "住房支出 / Housing"),
    LIVING(Kind.EXPENDITURE, "生活消费支出 / Living costs"),
    OTHER_EXPENDITURE(Kind.EXPENDITURE, "其他支出 / Other expenditure");

    public enum Kind { INCOME, EXPENDITURE }

    private final Kind kind;
    private final String label;

    AccountItem(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public Kind kind() { return kind; }

    public String label() { return label; }

    /** Only operating income can be a loss; every other line is a positive amount. */
    public boolean mayBeNegative() { return this == OPERATING; }
}
