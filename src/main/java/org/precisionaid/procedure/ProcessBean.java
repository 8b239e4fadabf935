package org.precisionaid.procedure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN and DMN expressions may reach by its bean name ({@code ${groups.of(...)}},
 * {@code camunda:delegateExpression="${recordApplication}"}). The engine resolves no other bean: a model that
 * names any other bean of the application (the data source, the identity service, ...) is refused. Every new
 * delegate, listener or helper called from a model carries this annotation next to {@code @Component}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessBean {
}
