package org.precisionaid.security.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.precisionaid.procedure.ProcessBean;
import org.springframework.context.ApplicationContext;

/**
 * The beans a model expression may name: those annotated {@link ProcessBean}, looked up when first used (the
 * delegates need the engine's services, so they cannot be created before the engine). Every other bean of the
 * application is invisible to expressions.
 */
class ProcessBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    Set<String> names() {
        if (names == null) {
            names = Set.copyOf(context.getBeanNamesForAnnotation(ProcessBean.class).length == 0 ? Set.of()
                    : Set.of(context.getBeanNamesForAnnotation(ProcessBean.class)));
        }
        return names;
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && names().contains(key.toString());
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? context.getBean(key.toString()) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return names().stream().map(name -> Map.entry((Object) name, context.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
