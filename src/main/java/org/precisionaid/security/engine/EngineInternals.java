package org.precisionaid.security.engine;

import java.lang.reflect.Field;

/**
 * Reads the private fields of Camunda's commands that our guards inspect (the commands expose no getters). A field
 * that is not there fails the engine's start, naming the guard to review: Camunda changed the command's shape.
 */
final class EngineInternals {

    private EngineInternals() {
    }

    static Field field(Class<?> type, String name, Class<?> guard) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda changed " + type.getName() + "." + name + "; review "
                    + guard.getSimpleName(), e);
        }
    }

    static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
