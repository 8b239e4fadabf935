package org.precisionaid.security.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * First resolver of every expression: no expression, in a model or a query, reaches Java's reflection, class
 * loading or processes. {@code "".getClass().forName(...)} and {@code bean.class.classLoader} stop here.
 */
class ReflectionGuardELResolver extends ELResolver {

    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "declaringClass",
            "getDeclaringClass", "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader",
            "forName", "loadClass", "getRuntime", "exec", "module", "getModule");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        refuse(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        refuse(base, method);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        refuse(base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        refuse(base, property);
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    private static void refuse(Object base, Object member) {
        if (base == null) {
            return; // top-level names: variables and allowed beans, resolved by the next resolvers
        }
        if (isDangerous(base) || (member != null && FORBIDDEN_MEMBERS.contains(member.toString()))) {
            throw new ELException("Expressions may not use '" + member + "' on " + base.getClass().getSimpleName()
                    + ": reflection, class loading and processes are closed to models and queries");
        }
    }

    private static boolean isDangerous(Object base) {
        return base instanceof Class<?> || base instanceof ClassLoader || base instanceof Module
                || base instanceof java.lang.reflect.AccessibleObject || base instanceof Runtime
                || base instanceof ProcessBuilder || base instanceof Process || base instanceof Thread
                || base instanceof java.lang.invoke.MethodHandle || base instanceof java.lang.invoke.MethodHandles.Lookup;
    }
}
