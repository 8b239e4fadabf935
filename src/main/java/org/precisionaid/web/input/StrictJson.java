package org.precisionaid.web.input;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the JSON bodies of our {@code /api} and {@code /public} controllers strictly: an unknown property is refused by
 * name (a misspelled field is never silently lost), a {@code null} inside a list is refused by its path, a fraction
 * is never cut to a whole number, duplicate keys and trailing content are refused, and every value passes
 * {@link InputModule}. Only Spring MVC's converter is replaced: the application's own ObjectMapper (which reads what
 * we stored) and Camunda's REST API (Jersey, its own mapper) are untouched.
 */
@Configuration
public class StrictJson implements WebMvcConfigurer {

    private final ObjectMapper base;

    public StrictJson(ObjectMapper base) {
        this.base = base;
    }

    /** The mapper our controllers read bodies with. */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper strict = base.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.registerModule(new InputModule());
        return strict;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        ObjectMapper strict = strict(base);
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter) {
                // a new converter: the shared one is also the test and outgoing clients' reader
                converters.set(i, new MappingJackson2HttpMessageConverter(strict));
            }
        }
    }
}
