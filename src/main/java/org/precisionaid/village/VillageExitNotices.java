package org.precisionaid.village;

import java.util.Optional;
import org.precisionaid.procedure.NoticeBoard;
import org.precisionaid.procedure.Objection;
import org.springframework.stereotype.Component;

/** The village exit notice: an application takes objections while ANNOUNCED, until its notice ends. */
@Component
public class VillageExitNotices implements NoticeBoard {

    private final VillageExitService exits;

    public VillageExitNotices(VillageExitService exits) {
        this.exits = exits;
    }

    @Override
    public Objection.Subject subject() {
        return Objection.Subject.VILLAGE_EXIT;
    }

    @Override
    public Optional<Entry> find(String exitNo) {
        return exits.find(exitNo).map(exit -> new Entry(exit.getId(), exit.getExitNo(),
                exit.getStatus() == VillageExit.Status.ANNOUNCED ? exit.getNoticeEnds() : null));
    }
}
