package org.precisionaid.procedure;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * An official's refused entries ({@link PleaseCorrect}) are his input to correct, not a fault of the server, at every
 * door: the Java API, both engine APIs and Tasklist.
 *
 * <p>The engine wraps whatever a task or execution listener throws in a plain {@code ProcessEngineException}
 * ("ENGINE-03051 … invoking the TaskListener"); the engine APIs answer that with 500 and log a warning with its stack,
 * and the engine logs every command failure that is not a caller's mistake as an ERROR with its stack (ENGINE-16004)
 * — two stack traces in the log for each mistyped form, which would bury the real faults an operator looks for.
 * Inside the command context, this interceptor hands on the correction itself instead of the wrapper: a form
 * validation error, which both engine APIs answer with 400 and log at debug. The command's context logs it at debug
 * too, as it does a caller's bad request; every other failure is logged as before. The transaction is rolled back
 * either way.
 */
@Component
public class EntryCorrections extends AbstractCamundaConfiguration {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new Unwrapping());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        CommandContextFactory contexts = new CorrectionsAtDebug();
        contexts.setProcessEngineConfiguration(configuration); // the engine sets it only on a factory of its own
        configuration.setCommandContextFactory(contexts);
    }

    /** After the command context is opened: the failure it sees, and logs, is the correction itself. */
    static final class Unwrapping extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException failure) {
                PleaseCorrect correction = PleaseCorrect.in(failure);
                throw correction != null ? correction : failure;
            }
        }
    }

    static final class CorrectionsAtDebug extends CommandContextFactory {
        @Override
        public CommandContext createCommandContext() {
            return new CommandContext(processEngineConfiguration) {
                @Override
                protected boolean shouldLogFine(Throwable failure) {
                    return super.shouldLogFine(failure) || failure instanceof PleaseCorrect;
                }
            };
        }
    }
}
