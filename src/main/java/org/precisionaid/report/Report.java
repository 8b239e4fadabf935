package org.precisionaid.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One report as the API returns it: the region and year it covers, one or more tables (each also a sheet of the
 * Excel file), notes a reader must know (e.g. a figure that cannot be computed yet), and for the maps what is drawn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String name, String title, RegionRef region, int year, Instant generatedAt,
                     List<Table> tables, List<String> notes, Map<String, Object> map, Page page) {

    public record RegionRef(String code, String nameZh, String nameEn, String level) {
    }

    /** A column: its key in each row, its bilingual label, and its kind (text, integer, yuan, percent, year). */
    public record Column(String key, String label, String kind) {
        public static Column text(String key, String label) { return new Column(key, label, "text"); }
        public static Column integer(String key, String label) { return new Column(key, label, "integer"); }
        public static Column yuan(String key, String label) { return new Column(key, label, "yuan"); }
        public static Column percent(String key, String label) { return new Column(key, label, "percent"); }
        public static Column year(String key, String label) { return new Column(key, label, "year"); }
    }

    public record Table(String key, String title, List<Column> columns, List<Map<String, Object>> rows) {
    }

    /** The guide is read page by page; the Excel file holds all of it. */
    public record Page(int page, int size, long total) {
    }
}
