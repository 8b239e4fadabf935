package org.precisionaid.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The investigation task of one objection, in any procedure: on create it takes the oldest objection nobody is
 * investigating (its text shown in the form); on complete it reads and records the official's finding. The outcome
 * stays in the investigation's own scope ({@code objectionUpheld}), so parallel objections never mix.
 */
@Component
public class ObjectionAnswers {

    private final ObjectionService objections;

    public ObjectionAnswers(ObjectionService objections) {
        this.objections = objections;
    }

    public record Answer(boolean upheld, String finding, String official) {
    }

    public void attach(DelegateTask task, Objection.Subject subject, long subjectId) {
        Objection objection = objections.attachOldestOpen(subject, subjectId, task.getId());
        task.setVariableLocal("objectionId", objection.getId());
        task.setVariableLocal("objectionText", objection.getReason());
    }

    /** Reads, checks and records the finding; a broken rule keeps the task open and names the field. */
    public Answer answer(DelegateTask task, UnaryOperator<String> describe) {
        // the form's answers arrive on the case; read them and take them off again, so the next one starts blank
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
            throw Officials.pleaseCorrect(FieldRuleException.invalid(errors), describe);
        }
        boolean upheld = "upheld".equals(finding);
        String official = Officials.actor(task);
        objections.decide(((Number) task.getVariableLocal("objectionId")).longValue(), upheld, text, official);
        task.getExecution().setVariableLocal("objectionUpheld", upheld);
        return new Answer(upheld, text, official);
    }
}
