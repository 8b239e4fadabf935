package org.precisionaid.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures behind a rating, for one cadre or one unit over a year:
 * paired households; those due (planned exit year at or before the year); those of them that left poverty on
 * schedule (EXITED, exit year at or before the planned one); the rest failed (the poverty task not done); the
 * per-capita net income of the households with an account in both years, summed, last year and this; visits in the
 * work ledger; objections upheld against the households in the year; findings of the year's inspection rounds upheld
 * against the households (not withdrawn by the inspector, issue #24).
 */
public record Figures(int paired, int due, int exitedOnSchedule, int incomeHouseholds, Long incomePrevFen,
                      Long incomeYearFen, int visits, int objectionsUpheld, int findingsUpheld) {

    /** Figures of a year without inspection findings. */
    public Figures(int paired, int due, int exitedOnSchedule, int incomeHouseholds, Long incomePrevFen,
            Long incomeYearFen, int visits, int objectionsUpheld) {
        this(paired, due, exitedOnSchedule, incomeHouseholds, incomePrevFen, incomeYearFen, visits, objectionsUpheld, 0);
    }

    public int failed() {
        return due - exitedOnSchedule;
    }

    /** Exited on schedule ÷ due; {@code null} when no household was due this year. */
    public BigDecimal onScheduleShare() {
        return due == 0 ? null : BigDecimal.valueOf(exitedOnSchedule).divide(BigDecimal.valueOf(due), 4,
                RoundingMode.HALF_UP);
    }

    /** Year-on-year growth of the summed per-capita net income; {@code null} without a positive base year. */
    public BigDecimal incomeGrowth() {
        if (incomeHouseholds == 0 || incomePrevFen == null || incomeYearFen == null || incomePrevFen <= 0) {
            return null;
        }
        return BigDecimal.valueOf(incomeYearFen - incomePrevFen).divide(BigDecimal.valueOf(incomePrevFen), 4,
                RoundingMode.HALF_UP);
    }

    public BigDecimal visitsPerHousehold() {
        return paired == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(visits).divide(BigDecimal.valueOf(paired), 2,
                RoundingMode.HALF_UP);
    }
}
