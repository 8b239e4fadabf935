package org.precisionaid.crosscheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A department's record about a member of a household that the rules say matters: what matched (kind, category,
 * amount, detail), which department, as of when; and how it was resolved, by whom, at which level.
 */
public record Hit(long id, long householdId, long snapshotId, String idNumber, String memberName, String rule,
        String ruleLabel, Origin origin, Status status, DepartmentKind kind, String department, LocalDate asOf,
        String category, BigDecimal amount, String detail, Instant foundAt, String reason, String level,
        String resolvedBy, Instant resolvedAt) {

    /** Found while the household applied (identification) or while it was on the register (re-check). */
    public enum Origin { IDENTIFICATION, RECHECK }

    /** OPEN until an official confirms or dismisses it; SUPERSEDED when a newer list of its kind replaced its own. */
    public enum Status { OPEN, CONFIRMED, DISMISSED, SUPERSEDED }

    /** One line an official reads: member (ID masked), department and date, category, amount, detail, rule. */
    public String describe() {
        String categoryLabel = category == null ? "" : " · " + kind.categories().getOrDefault(category, category);
        String amountText = amount == null ? "" : " · " + amount.stripTrailingZeros().toPlainString() + " ("
                + kind.amountMeaning() + ")";
        String detailText = detail == null ? "" : " · " + detail;
        return memberName + "（" + org.precisionaid.registry.ResidentId.mask(idNumber) + "）: " + kind.label() + " — "
                + department + "，截至 / as of " + asOf + categoryLabel + amountText + detailText + " ⇒ " + ruleLabel;
    }
}
