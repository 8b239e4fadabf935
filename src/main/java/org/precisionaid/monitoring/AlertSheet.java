package org.precisionaid.monitoring;

import java.util.List;

/** The layout of a department's alert list, shared by the template and the import so the two cannot drift. */
final class AlertSheet {

    static final String INSTRUCTIONS = "说明 Instructions";
    static final String ALERTS = "预警 Alerts";
    static final String CODES = "代码 Codes";

    static final int ID_NUMBER = 0;
    static final int KIND = 1;
    static final int AMOUNT = 2;
    static final int DATE = 3;

    static final List<String> HEADERS = List.of(
            "身份证号 / ID number",
            "预警类型 / Kind of alert",
            "金额（元） / Amount (yuan)",
            "日期 / Date");

    /** Data rows a file may hold: a county's department list of 10,000 with room. */
    static final int MAX_ROWS = 20_000;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private AlertSheet() {
    }
}
