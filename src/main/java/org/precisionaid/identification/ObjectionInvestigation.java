package org.precisionaid.identification;


import org.precisionaid.procedure.ProcessBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * Each objection gets its own investigation task. On create the task takes the oldest open objection
 * (its text shown in the form); on complete the township's finding is recorded and, if upheld, the case
 * is noted for rejection. The outcome stays in the investigation's own scope, so parallel objections never mix.
 */
@Component("objectionInvestigation")
@ProcessBean
public class ObjectionInvestigation implements TaskListener {

    private final ObjectionService objections;
    private final HouseholdService households;

    public ObjectionInvestigation(ObjectionService objections, HouseholdService households) {
        this.objections = objections;
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Objection objection = objections.attachOldestOpen(Objection.Subject.HOUSEHOLD, householdId, task.getId());
            task.setVariableLocal("objectionId", objection.getId());
            task.setVariableLocal("objectionText", objection.getReason());
            return;
        }
        // the form's answers arrive on the case; read them and take them off again, so that the next
        // investigation starts blank
        VariableScope process = task.getExecution().getProcessInstance();
        Object finding = task.getVariable("objectionFinding");
        Object comment = task.getVariable("objectionComment");
        process.removeVariables(List.of("objectionFinding", "objectionComment"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"upheld".equals(finding) && !"dismissed".equals(finding)) {
            errors.put("objectionFinding", "choose upheld or dismissed");
        }
        String text = comment == null ? "" : comment.toString().trim();
        if (text.isEmpty() || text.length() > FormInput.MAX_COMMENT) {
            errors.put("objectionComment", "say what the investigation found (1-" + FormInput.MAX_COMMENT
                    + " characters)");
        }
        if (!errors.isEmpty()) {
            throw Officials.pleaseCorrect(FieldRuleException.invalid(errors), StartForm::describe);
        }
        boolean upheld = "upheld".equals(finding);
        String actor = Officials.actor(task);
        objections.decide(((Number) task.getVariableLocal("objectionId")).longValue(), upheld, text, actor);
        task.getExecution().setVariableLocal("objectionUpheld", upheld);
        households.decide(householdId, Status.ANNOUNCED, Level.ANNOUNCEMENT,
                upheld ? "objection upheld" : "objection dismissed", text, actor);
        if (upheld) {
            Rejections.reject(task.getExecution().getProcessInstance(), Level.ANNOUNCEMENT,
                    "异议成立 / Objection upheld: " + text, actor);
        }
    }
}
