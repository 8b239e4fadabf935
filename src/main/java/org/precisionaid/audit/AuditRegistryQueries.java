package org.precisionaid.audit;

import java.time.Instant;
import java.util.List;
import org.precisionaid.registry.Codes;
import org.precisionaid.registry.Household;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The registry side of the auditor's search: households by region, status and the level of the last decision; the
 * monitoring cases of a household or a person.
 */
interface AuditRegistryQueries extends Repository<Household, Long> {

    String MATCHING = """
            from Household h
            where h.villageCode like concat(:regionPrefix, '%')
              and (:status is null or h.status = :status)
              and (:from is null or h.createdAt >= :from)
              and (:to is null or h.createdAt < :to)
              and (:level is null or exists (select c.id from StatusChange c where c.household = h and c.level = :level
                   and c.id = (select max(c2.id) from StatusChange c2 where c2.household = h)))""";

    @Query("select h.applicationNo " + MATCHING + " order by h.createdAt desc, h.id desc")
    List<String> applicationNos(@Param("regionPrefix") String regionPrefix, @Param("status") Codes.Status status,
            @Param("level") Codes.Level level, @Param("from") Instant from, @Param("to") Instant to, Pageable page);

    @Query("select count(h) " + MATCHING)
    long count(@Param("regionPrefix") String regionPrefix, @Param("status") Codes.Status status,
            @Param("level") Codes.Level level, @Param("from") Instant from, @Param("to") Instant to);

    @Query("select distinct h.applicationNo from Household h join h.members m where m.idNumber = :idNumber")
    List<String> applicationNosOfPerson(@Param("idNumber") String idNumber);

    @Query("select h from Household h where h.applicationNo = :applicationNo")
    Household household(@Param("applicationNo") String applicationNo);

    /** The household a monitoring case (JC-…) is about: its business key is the case's number, not the household's. */
    @Query("select h from Household h where h.id = (select c.householdId from MonitoringCase c where c.caseNo = :caseNo)")
    Household householdOfMonitoringCase(@Param("caseNo") String caseNo);

    @Query("select c.caseNo from MonitoringCase c, Household h where c.householdId = h.id"
            + " and h.applicationNo = :applicationNo order by c.id")
    List<String> monitoringCasesOfHousehold(@Param("applicationNo") String applicationNo);

    @Query("select distinct c.caseNo from MonitoringCase c, Household h join h.members m where c.householdId = h.id"
            + " and m.idNumber = :idNumber")
    List<String> monitoringCasesOfPerson(@Param("idNumber") String idNumber);
}
