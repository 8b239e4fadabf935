package org.precisionaid.web.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field a person may write on several lines (a reason, a description): tab and newline are allowed in it.
 * Every other text of a request body is one line, free of control characters (see {@link TextRule}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
