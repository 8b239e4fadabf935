package org.precisionaid.security.engine;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.precisionaid.security.SecurityLog;

/** Logs every authorization the engine refuses (Tasklist, Cockpit, REST, our API alike), then lets it go on. */
public class RefusalLogger extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (AuthorizationException e) {
            String missing = e.getMissingAuthorizations().stream()
                    .map(m -> m.getViolatedPermissionName() + " on " + m.getResourceType()
                            + (m.getResourceId() == null ? "" : " " + m.getResourceId()))
                    .collect(Collectors.joining(", "));
            SecurityLog.refused(e.getUserId(), missing, "engine authorization missing");
            throw e;
        }
    }
}
