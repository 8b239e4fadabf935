package org.precisionaid.project;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.precisionaid.project.ProjectCodes.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's available funds per source and year, and what approved projects have committed of them.
 * No approval may exceed them: {@link #commit} locks the county's row of each source while it checks.
 */
@Service
@Transactional
public class FundBook {

    static final Set<Status> COMMITTING = EnumSet.copyOf(Arrays.stream(Status.values()).filter(Status::commitsFunds).toList());

    private final FundAvailabilityRepository availability;
    private final ProjectRepository projects;

    public FundBook(FundAvailabilityRepository availability, ProjectRepository projects) {
        this.availability = availability;
        this.projects = projects;
    }

    /** Sets what a county may commit from a source in a year (fen). */
    public FundAvailability setAvailable(String countyCode, String fundSource, int year, long amountFen) {
        FundAvailability row = availability.findById(new FundAvailability.Key(countyCode, fundSource, year))
                .orElseGet(() -> new FundAvailability(countyCode, fundSource, year, amountFen));
        row.setAmountFen(amountFen);
        return availability.save(row);
    }

    /**
     * Sets what is available, under the same lock as approvals take, unless it falls below what approved projects
     * already committed: then nothing changes and the answer says what is committed (else {@code null}).
     */
    @Transactional
    public String changeAvailable(String countyCode, String fundSource, int year, long amountFen) {
        availability.lock(countyCode, fundSource, year);
        long committed = projects.committed(countyCode, year, fundSource, COMMITTING, 0L);
        if (amountFen < committed) {
            return "approved projects already committed " + Money.format(committed) + " yuan of this source and year";
        }
        setAvailable(countyCode, fundSource, year, amountFen);
        return null;
    }

    @Transactional(readOnly = true)
    public long available(String countyCode, String fundSource, int year) {
        return availability.findById(new FundAvailability.Key(countyCode, fundSource, year))
                .map(FundAvailability::getAmountFen).orElse(0L);
    }

    /** Available minus what approved projects (other than {@code exceptProject}) have committed. */
    @Transactional(readOnly = true)
    public long remaining(String countyCode, String fundSource, int year, long exceptProject) {
        return available(countyCode, fundSource, year)
                - projects.committed(countyCode, year, fundSource, COMMITTING, exceptProject);
    }

    /**
     * Checks, under lock, that the project's budget still fits the county's funds. Returns the first line that no
     * longer fits (another project took the money meanwhile), or {@code null} when all fit.
     */
    public String overcommitted(Project project) {
        for (BudgetLine line : project.getBudgetLines()) {
            long available = availability.lock(project.getCountyCode(), line.getFundSource(), project.getFundYear())
                    .map(FundAvailability::getAmountFen).orElse(0L);
            long committed = projects.committed(project.getCountyCode(), project.getFundYear(), line.getFundSource(),
                    COMMITTING, project.getId());
            if (committed + line.getAmountFen() > available) {
                return line.getFundSource() + ": " + Money.format(available - committed) + " yuan remain of "
                        + Money.format(available) + ", the project needs " + Money.format(line.getAmountFen());
            }
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<FundAvailability> of(String countyCode, int year) {
        return availability.findByCountyCodeAndFundYearOrderByFundSource(countyCode, year);
    }
}
