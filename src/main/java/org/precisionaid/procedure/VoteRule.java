package org.precisionaid.procedure;

import java.util.Map;

/**
 * A village meeting's vote (democratic evaluation, 民主评议) passes with the votes of more than half of those
 * present — on entry (identification) and on exit alike.
 */
public final class VoteRule {

    private VoteRule() {
    }

    public static boolean passes(long attendees, long votesFor) {
        return votesFor * 2 > attendees;
    }

    /** Notes the rule each count breaks under its field; {@code null} counts were reported already. */
    public static void check(Long attendees, Long votesFor, String attendeesField, String votesField,
            Map<String, String> errors) {
        if (attendees != null && attendees < 1) {
            errors.put(attendeesField, "at least one villager must attend");
        }
        if (attendees != null && votesFor != null && (votesFor < 0 || votesFor > attendees)) {
            errors.put(votesField, "must be between 0 and the " + attendees + " attendees");
        }
    }
}
