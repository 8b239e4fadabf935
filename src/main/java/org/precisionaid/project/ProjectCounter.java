package org.precisionaid.project;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out project numbers XM-&lt;year&gt;-&lt;county&gt;-&lt;nnnn&gt;, one counter per county and year, never twice.
 * The counter moves in its own short transaction, so concurrent applications of one county do not queue behind each
 * other's whole start. {@link ProjectService#submit} asks for a number only after the application passed every rule and
 * its rows were flushed, so a refused application consumes none; only a technical failure of the process start after
 * that can leave a number unused (numbers may have such gaps, never repeats).
 */
@Component
class ProjectCounter {

    private static final int ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    ProjectCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String countyCode, int year) {
        String county = countyCode.substring(0, 6);
        for (int attempt = 1; ; attempt++) {
            try {
                Integer number = ownTransaction.execute(status -> {
                    int updated = jdbc.update(
                            "update project_counter set last_no = last_no + 1 where county_code = ? and project_year = ?",
                            county, year);
                    if (updated == 0) {
                        jdbc.update("insert into project_counter (county_code, project_year, last_no) values (?, ?, 1)",
                                county, year);
                    }
                    return jdbc.queryForObject(
                            "select last_no from project_counter where county_code = ? and project_year = ?",
                            Integer.class, county, year);
                });
                return String.format("XM-%d-%s-%04d", year, county, number);
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // two first applications of a county's year both inserted the counter: the loser counts on it
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
