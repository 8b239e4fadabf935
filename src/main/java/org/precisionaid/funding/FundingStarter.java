package org.precisionaid.funding;

import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.security.engine.ServerChosenValues;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications made over REST: recorded and started in one transaction, so neither exists without the other. */
@Service
public class FundingStarter {

    private final ProjectService projects;
    private final RuntimeService runtime;

    public FundingStarter(ProjectService projects, RuntimeService runtime) {
        this.projects = projects;
        this.runtime = runtime;
    }

    public record Started(Project project, ProcessInstance instance) {
        public String projectNo() {
            return project.getProjectNo();
        }
    }

    @Transactional
    public Started apply(ProjectForm form, String official) {
        Project project = projects.submit(form, official);
        ProcessInstance instance = ServerChosenValues.apply(() -> runtime
                .createProcessInstanceByKey(FundingVariables.PROCESS_KEY)
                .businessKey(project.getProjectNo())
                .setVariables(RecordProject.caseVariables(project))
                .execute());
        return new Started(project, instance);
    }
}
