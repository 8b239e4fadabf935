package org.precisionaid.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a division list ({@code code,name_zh,name_en}, one region a line) all or nothing: every line is checked
 * first, every broken rule is reported with its line, and only a list without any error is written, in one
 * transaction. A code already present with the same names is left as it is (re-importing a list changes nothing);
 * one present under other names is an error, not a rename: renaming a region changes what officials, notices and
 * groups show, and is done on purpose, not as a side effect of an import (docs/regions.md).
 */
@Service
public class RegionImport {

    /** Lines of one upload (a county has a few hundred; all of Xinjiang about 15,000). */
    public static final int MAX_LINES = 20_000;
    /** Bytes of one upload: 20,000 lines of about 60 bytes, with room. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_NAME_ZH = 64;
    public static final int MAX_NAME_EN = 128;

    private final RegionRepository regions;

    public RegionImport(RegionRepository regions) {
        this.regions = regions;
    }

    public record Result(int created, int unchanged) {
    }

    /** One broken rule: the line of the file (1-based, comments and header counted), the code, the rule and why. */
    public record LineError(int line, String code, String rule, String detail) {
    }

    record Row(int line, RegionCode code, String nameZh, String nameEn) {
    }

    /** The list as uploaded: UTF-8 (a byte-order mark is allowed), at most {@value #MAX_BYTES} bytes. */
    @Transactional
    public Result importCsv(byte[] csv) {
        if (csv.length > MAX_BYTES) {
            throw tooLarge(csv.length > MAX_BYTES + 1 ? String.valueOf(csv.length) : "more");
        }
        return importCsv(new String(csv, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The answer to an upload above {@value #MAX_BYTES} bytes; {@code size} as known ("more" when not read whole). */
    public static RegionImportException tooLarge(String size) {
        return new RegionImportException(List.of(new LineError(0, null, "too-large",
                "at most " + MAX_BYTES + " bytes in one import, the file has " + size)));
    }

    @Transactional
    public Result importCsv(String csv) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = parse(csv, errors);
        Map<String, Row> inFile = new HashMap<>();
        for (Row row : rows) {
            Row earlier = inFile.putIfAbsent(row.code().value(), row);
            if (earlier != null) {
                errors.add(new LineError(row.line(), row.code().value(), "duplicate",
                        "the code is already on line " + earlier.line()));
            }
        }
        Map<String, Region> existing = new HashMap<>();
        regions.findAllById(inFile.keySet()).forEach(region -> existing.put(region.getCode(), region));
        Set<String> parentsWanted = new HashSet<>();
        rows.forEach(row -> Optional.ofNullable(row.code().parent()).ifPresent(p -> parentsWanted.add(p.value())));
        parentsWanted.removeAll(inFile.keySet());
        Set<String> parentsInDb = new HashSet<>();
        regions.findAllById(parentsWanted).forEach(region -> parentsInDb.add(region.getCode()));
        List<Region> toCreate = new ArrayList<>();
        int unchanged = 0;
        for (Row row : rows) {
            if (inFile.get(row.code().value()) != row) {
                continue; // the duplicate is reported above
            }
            RegionCode parent = row.code().parent();
            boolean parentKnown = parent != null
                    && (inFile.containsKey(parent.value()) || parentsInDb.contains(parent.value()));
            if (!parentKnown && !row.code().level().isAbove(RegionLevel.COUNTY)) {
                errors.add(new LineError(row.line(), row.code().value(), "parent-missing", "its parent "
                        + parent + " (" + parent.level() + ") is neither in the file nor among the regions"));
            }
            Region present = existing.get(row.code().value());
            if (present == null) {
                toCreate.add(new Region(row.code(), parentKnown ? parent.value() : null, row.nameZh(), row.nameEn()));
            } else if (present.getNameZh().equals(row.nameZh()) && present.getNameEn().equals(row.nameEn())) {
                unchanged++;
            } else {
                errors.add(new LineError(row.line(), row.code().value(), "name-differs", "the region exists as "
                        + present.label() + "; an import does not rename regions"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new RegionImportException(errors);
        }
        // parents before their children, whatever the order of the file
        toCreate.sort(Comparator.comparing((Region region) -> region.getLevel()).thenComparing(Region::getCode));
        regions.saveAll(toCreate);
        return new Result(toCreate.size(), unchanged);
    }

    private static List<Row> parse(String csv, List<LineError> errors) {
        List<Row> rows = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv).split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            errors.add(new LineError(MAX_LINES + 1, null, "too-many-lines",
                    "at most " + MAX_LINES + " lines in one import, the file has " + lines.length));
            return rows;
        }
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank() || line.startsWith("#") || (rows.isEmpty() && line.trim().startsWith("code,"))) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells == null || cells.size() != 3) {
                errors.add(new LineError(lineNo, null, "columns",
                        "expected 3 columns code,name_zh,name_en (a name with a comma in double quotes)"));
                continue;
            }
            String code = cells.get(0).trim();
            RegionCode regionCode;
            try {
                regionCode = RegionCode.of(code);
            } catch (InvalidRegionCodeException e) {
                errors.add(new LineError(lineNo, code, "code-format", e.getMessage()));
                continue;
            }
            String gap = levelGap(regionCode);
            if (gap != null) {
                errors.add(new LineError(lineNo, code, "level-gap", gap));
                continue;
            }
            String nameZh = cells.get(1).trim();
            String nameEn = cells.get(2).trim();
            if (nameZh.isEmpty() || nameEn.isEmpty()) {
                errors.add(new LineError(lineNo, code, "name-required",
                        "both names are required (name_zh and name_en; pinyin will do for name_en)"));
                continue;
            }
            if (nameZh.length() > MAX_NAME_ZH || nameEn.length() > MAX_NAME_EN) {
                errors.add(new LineError(lineNo, code, "name-length",
                        "name_zh at most " + MAX_NAME_ZH + " and name_en at most " + MAX_NAME_EN + " characters"));
                continue;
            }
            String broken = org.precisionaid.web.input.TextRule.violation(nameZh + nameEn, false);
            if (broken != null) {
                errors.add(new LineError(lineNo, code, "name-text", "name_zh and name_en " + broken.replaceFirst(
                        " at position \\d+", "")));
                continue;
            }
            rows.add(new Row(lineNo, regionCode, nameZh, nameEn));
        }
        return rows;
    }

    /**
     * A code whose level lies below a level with zero digits (a village 654224000201 without township digits): its
     * parent would be a region two levels up, which the statistical codes never do.
     */
    static String levelGap(RegionCode code) {
        for (RegionLevel level : RegionLevel.values()) {
            if (level.parent() == null || !level.isAbove(code.level())) {
                continue;
            }
            String digits = code.value().substring(level.parent().significantDigits(), level.significantDigits());
            if (digits.chars().allMatch(c -> c == '0')) {
                return "a " + code.level() + " code needs non-zero " + level + " digits (positions "
                        + (level.parent().significantDigits() + 1) + "-" + level.significantDigits() + ")";
            }
        }
        return null;
    }

    /** The cells of one CSV line (RFC 4180 quotes), or null when a quote is left open; the department lists use it too. */
    public static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
