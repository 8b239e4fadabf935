package org.precisionaid.crosscheck;

import java.util.List;

/** The layout of a department's list (Excel sheet or CSV), shared by the template and the import. */
final class RegisterSheet {

    static final String RECORDS = "名单 Records";

    static final int ID_NUMBER = 0;
    static final int CATEGORY = 1;
    static final int AMOUNT = 2;
    static final int DETAIL = 3;

    static final List<String> HEADERS = List.of(
            "身份证号 / ID number",
            "类别 / Category",
            "金额或面积 / Amount",
            "说明 / Detail");

    /** A county's vehicle or pension list runs to tens of thousands; 200,000 leaves room for a large county. */
    static final int MAX_ROWS = 200_000;
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_DETAIL = 200;
    /** Every bad row is named, up to this many; a file with more is almost surely the wrong file. */
    static final int MAX_ERRORS_LISTED = 1_000;

    private RegisterSheet() {
    }
}
