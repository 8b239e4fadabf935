package org.precisionaid.announcement;

import java.util.Optional;
import org.precisionaid.procedure.NoticeBoard;
import org.precisionaid.procedure.Objection;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdRepository;
import org.springframework.stereotype.Component;

/**
 * The households' notices in the village: identification (while ANNOUNCED, until its notice ends) and exit (a
 * registered household proposed to leave poverty, until its exit notice ends).
 */
@Component
public class HouseholdNotices implements NoticeBoard {

    private final HouseholdRepository households;

    public HouseholdNotices(HouseholdRepository households) {
        this.households = households;
    }

    @Override
    public Objection.Subject subject() {
        return Objection.Subject.HOUSEHOLD;
    }

    @Override
    public Optional<Entry> find(String applicationNo) {
        return households.findByApplicationNo(applicationNo).map(household -> new Entry(household.getId(),
                household.getApplicationNo(),
                household.getStatus() == Status.ANNOUNCED ? household.getNoticeEnds()
                        : household.getStatus() == Status.REGISTERED ? household.getExitNoticeEnds() : null));
    }
}
