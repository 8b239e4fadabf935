package org.precisionaid.monitoring;

import java.util.Optional;
import org.precisionaid.procedure.NoticeBoard;
import org.precisionaid.procedure.Objection;
import org.springframework.stereotype.Component;

/** Monitoring cases on their village notice (entry into monitoring, or risk elimination), open to objections. */
@Component
public class MonitoringNotices implements NoticeBoard {

    private final MonitoringCaseRepository cases;

    public MonitoringNotices(MonitoringCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Objection.Subject subject() {
        return Objection.Subject.MONITORING;
    }

    @Override
    public Optional<Entry> find(String caseNo) {
        return cases.findByCaseNo(caseNo).map(found -> new Entry(found.getId(), found.getCaseNo(), found.getNoticeEnds()));
    }
}
