package org.precisionaid.funding;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.project.FundSources;
import org.precisionaid.project.Ledger;
import org.precisionaid.project.Money;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectDecision;
import org.precisionaid.project.ProjectService;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Member;
import org.precisionaid.registry.ResidentId;
import org.springframework.stereotype.Component;

/**
 * What every official reads at the top of his form (Markdown, one variable): the project, its budget and
 * ledger, the beneficiary households with masked ID numbers, and the decisions taken so far.
 */
@Component("fundingProjectSummary")
public class ProjectSummary {

    static final int SHOWN_BENEFICIARIES = 20;
    static final int SHOWN_DECISIONS = 10;

    private final ProjectService projects;
    private final RegionService regions;
    private final FundSources sources;

    public ProjectSummary(ProjectService projects, RegionService regions, FundSources sources) {
        this.projects = projects;
        this.regions = regions;
        this.sources = sources;
    }

    /** Writes the current summary of the case's project onto the case. */
    public void refresh(VariableScope processScope) {
        processScope.setVariable(FundingVariables.SUMMARY, of(projects.get(FundingVariables.projectId(processScope))));
    }

    private static String roleLabel(String roleKey) {
        try {
            return OfficialRole.fromKey(roleKey).label();
        } catch (RuntimeException e) {
            return roleKey;
        }
    }

    public String of(Project project) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(project.getProjectNo()).append(" · ").append(project.getName()).append("**  \n");
        md.append("**类型 / Type:** ").append(project.getType().label()).append(" · **地区 / Region:** ")
                .append(regions.get(project.getRegionCode()).label()).append(" · **实施单位 / Implementing unit:** ")
                .append(project.getImplementingUnit()).append("  \n");
        md.append("**实施期 / Period:** ").append(project.getPeriodStart()).append(" – ").append(project.getPeriodEnd())
                .append(" · **产出 / Outputs:** ").append(project.getOutputs().stream()
                        .map(o -> o.getDescription() + " " + o.getQuantity().stripTrailingZeros().toPlainString() + " "
                                + o.getUnit()).collect(Collectors.joining("；"))).append("  \n");
        if (project.getLoanTermMonths() != null) {
            md.append("**贷款期限 / Loan term:** ").append(project.getLoanTermMonths()).append(" 月 / months · ")
                    .append(project.isSecured() ? "有抵押担保 / secured" : "免抵押免担保 / no mortgage or guarantee")
                    .append("  \n");
        }
        md.append("**总额 / Total:** ").append(Money.format(project.getTotalFen())).append(" 元");
        if (project.getLeadUnit() != null) {
            md.append(" · **主管部门 / Lead unit:** ").append(roleLabel(project.getLeadUnit()))
                    .append(" · **审批 / Approval by:** ").append(roleLabel(project.getApprovalLevel()));
        }
        md.append("\n\n| 资金来源 / Source | 预算 / Budget | 已下达 / Allocated | 已拨付 / Disbursed |\n|---|---:|---:|---:|\n");
        for (Ledger.Balance balance : projects.balances(project.getId()).values()) {
            md.append("| ").append(sources.label(balance.fundSource())).append(" | ").append(Money.format(balance.budgetFen()))
                    .append(" | ").append(Money.format(balance.allocatedFen())).append(" | ")
                    .append(Money.format(balance.disbursedFen())).append(" |\n");
        }
        md.append("\n**受益户 / Beneficiaries (").append(project.getBeneficiaries().size()).append("):** ");
        md.append(project.getBeneficiaries().stream().limit(SHOWN_BENEFICIARIES).map(b -> {
            Member head = b.getHousehold().head();
            // the mask's asterisks are escaped, or Markdown would read them as bold
            return (head == null ? "?" : head.getName() + " " + ResidentId.mask(head.getIdNumber()).replace("*", "\\*"))
                    + "（" + b.getBenefit()
                    + (b.getAmountFen() == null ? "" : "，" + Money.format(b.getAmountFen()) + " 元") + "）";
        }).collect(Collectors.joining("；")));
        if (project.getBeneficiaries().size() > SHOWN_BENEFICIARIES) {
            md.append("；… +").append(project.getBeneficiaries().size() - SHOWN_BENEFICIARIES);
        }
        List<ProjectDecision> decisions = project.getDecisions();
        md.append("\n\n**已有意见 / Decisions so far:**  \n");
        decisions.stream().skip(Math.max(0, decisions.size() - SHOWN_DECISIONS)).forEach(d -> md.append("· ")
                .append(d.getLevel().label()).append(" — ").append(d.getDecision())
                .append(d.getReason() == null ? "" : "：" + d.getReason()).append(" (").append(d.getActor()).append(")  \n"));
        if (project.getProgressPercent() > 0) {
            md.append("**进度 / Progress:** ").append(project.getProgressPercent()).append(" %");
        }
        return md.toString();
    }
}
