package org.precisionaid.web.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.precisionaid.web.FieldRuleException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and form parameters of our {@code /api} and {@code /public} controllers pass the same {@link TextRule} as body
 * text, one line each, at most {@link #MAX_LENGTH} characters: {@code replace=true%00} is refused naming
 * {@code replace}, not read as {@code true}. Unknown parameters are ignored, as HTTP queries are; each controller
 * checks the values it reads (codes, ranges) and names them.
 */
@Configuration
public class QueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    public static final int MAX_LENGTH = 256;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/public/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String> errors = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                String violation = value.length() > MAX_LENGTH ? "at most " + MAX_LENGTH + " characters"
                        : TextRule.violation(value, false);
                if (violation != null) {
                    errors.putIfAbsent(TextRule.violation(name, false) == null && name.length() <= 64 ? name : "query",
                            violation);
                }
            }
        });
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return true;
    }
}
