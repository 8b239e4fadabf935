package org.precisionaid.project;

import java.util.List;
import org.springframework.data.repository.Repository;

/** The ledger can be appended to and read; it offers no update and no delete (ADR 0009). */
public interface LedgerRepository extends Repository<LedgerEntry, Long> {

    LedgerEntry save(LedgerEntry entry);

    List<LedgerEntry> findByProjectIdOrderById(Long projectId);

    List<LedgerEntry> findByProjectIdInOrderById(java.util.Collection<Long> projectIds);
}
