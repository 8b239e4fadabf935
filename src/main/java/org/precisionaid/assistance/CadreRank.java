package org.precisionaid.assistance;

/** A cadre's rank; his household quota depends on it (table cadre_quota, per prefecture). */
public enum CadreRank {
    PREFECTURE("地厅级", "prefecture"),
    COUNTY("县处级", "county"),
    TOWNSHIP("乡科级", "township"),
    STAFF("一般干部", "staff");

    private final String zh;
    private final String en;

    CadreRank(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** 县处级 / County level */
    public String label() {
        return zh + " / " + Character.toUpperCase(en.charAt(0)) + en.substring(1) + (this == STAFF ? "" : " level");
    }
}
