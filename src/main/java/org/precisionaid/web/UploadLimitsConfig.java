package org.precisionaid.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Upload limits at the HTTP door of the engine's REST APIs (ours have Spring's multipart limits and their own). */
@Configuration
public class UploadLimitsConfig {

    /** Before authentication (Spring Security runs at -100): an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<EngineMultipartLimitFilter> engineMultipartLimitFilter(ObjectMapper json,
            @Value("${precision-aid.upload.engine-multipart-max:10MB}") DataSize max) {
        FilterRegistrationBean<EngineMultipartLimitFilter> registration =
                new FilterRegistrationBean<>(new EngineMultipartLimitFilter(max.toBytes(), json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(-110);
        return registration;
    }
}
