package org.precisionaid.funding;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Component;

/**
 * The monthly reminder of the progress report: the open report moves up the implementing official's list
 * (priority 70, below an escalated task's 90) and the reminder is kept with the project's decisions.
 */
@Component("fundingReminder")
@ProcessBean
public class RemindImplementer implements JavaDelegate {

    public static final int REMINDED_PRIORITY = 70;

    private final ProjectService projects;

    public RemindImplementer(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("reportProgress").listPage(0, 10)) {
            if (task.getPriority() < REMINDED_PRIORITY) {
                task.setPriority(REMINDED_PRIORITY);
                tasks.saveTask(task);
            }
        }
        long projectId = FundingVariables.projectId(execution);
        projects.decide(projectId, projects.get(projectId).getStatus(), Level.IMPLEMENTATION, "reminded",
                "请报告实施进度 / Please report the progress", Officials.SYSTEM);
    }
}
