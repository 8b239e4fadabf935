package org.precisionaid.scoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssistanceScoreRepository extends JpaRepository<AssistanceScore, Long> {

    @Query("select s from AssistanceScore s where s.runId = :runId order by s.kind, s.unitId, s.cadreId")
    List<AssistanceScore> ofRun(@Param("runId") long runId);

    @Modifying
    @Query("delete from AssistanceScore s where s.runId = :runId")
    int deleteOfRun(@Param("runId") long runId);
}
