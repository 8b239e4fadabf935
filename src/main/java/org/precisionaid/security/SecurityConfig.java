package org.precisionaid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.precisionaid.security.password.LoginClient;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. The Camunda webapps (/camunda/**) keep their own login and their own CSRF filter.
 * Everything else is stateless HTTP Basic against the Camunda identity store: the engine REST API
 * (closed, unlike Camunda's default), our /api, actuator. Only the health probe and public pages are open.
 * See docs/adr/0002-security-two-doors.md.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        http.securityMatcher(paths("/camunda/**", "/", "/index.html", "/favicon.ico"))
                // Camunda's first-run "create the administrator" page: never, our administrator comes from the
                // environment and camunda-admin is never left empty (CVE-2026-77226, AdministratorAccount)
                .authorizeHttpRequests(auth -> auth.requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().permitAll())
                // Camunda's webapps protect themselves: session login and their CsrfPreventionFilter
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            IdentityService identity, ObjectMapper json) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        .requestMatchers(paths("/public/**", "/error", "/webjars/**")).permitAll()
                        // libraries only (ECharts for the report pages, from org.mvnpm); the pages and data need a login
                        .requestMatchers(paths("/_static/**")).permitAll()
                        .requestMatchers(paths("/actuator/**")).hasRole("ADMIN")
                        // moving running cases between model versions (ADR 0020): its REST and its page
                        .requestMatchers(paths("/api/admin/**", "/admin/**")).hasRole("ADMIN")
                        // Swagger UI for administrators; the contract itself (/v3/api-docs) for any logged-in user
                        .requestMatchers(paths("/swagger-ui.html", "/swagger-ui/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                // this manager only, without Spring Boot's global one as its parent: the parent holds the same provider
                // and would check a wrong password a second time, counting each failed login twice (ADR 0018)
                .authenticationManager(new ProviderManager(provider))
                // our own pages (/reports/, /public/): a strict Content-Security-Policy besides the default headers
                .headers(headers -> headers.addHeaderWriter(new OwnPageHeaders()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // the only session here is the Camunda webapps' own (read by WebappSessionAuthenticationFilter): a
                // read must not change its id, or parallel requests of a page (and Tasklist beside it) lose their login
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // stateless Basic authentication sends no cookie a forged request could ride on
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** The request a password check belongs to (client address, HTTP Basic), for the login throttle; before all. */
    @Bean
    FilterRegistrationBean<LoginClient> loginClient() {
        FilterRegistrationBean<LoginClient> registration = new FilterRegistrationBean<>(new LoginClient());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // after a ForwardedHeaderFilter, if one is configured
        return registration;
    }

    /** Expressions in query fields are refused at the HTTP door of both engine APIs, after authentication. */
    @Bean
    FilterRegistrationBean<EngineRequestExpressionFilter> engineRequestExpressionFilter(ObjectMapper json) {
        FilterRegistrationBean<EngineRequestExpressionFilter> registration =
                new FilterRegistrationBean<>(new EngineRequestExpressionFilter(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(0); // Spring Security runs at -100
        return registration;
    }

    /** Engine answers for a concurrent change (409) or an unreachable database (503) as readable problem details. */
    @Bean
    FilterRegistrationBean<EngineErrorFilter> engineErrorFilter(ObjectMapper json,
            org.camunda.bpm.engine.TaskService tasks) {
        FilterRegistrationBean<EngineErrorFilter> registration = new FilterRegistrationBean<>(
                new EngineErrorFilter(json, tasks));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(1);
        return registration;
    }

    /** The webapps' login answer carries the new session's CSRF token (Tasklist's first requests race for it). */
    @Bean
    FilterRegistrationBean<WebappLoginCsrfHandover> webappLoginCsrfHandover(
            org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda) {
        FilterRegistrationBean<WebappLoginCsrfHandover> registration = new FilterRegistrationBean<>(
                new WebappLoginCsrfHandover(camunda.getWebapp().getCsrf()));
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(2);
        return registration;
    }

    /** Each webapp page's CSP nonce stays with its request (Camunda keeps one for the whole server); before Camunda's. */
    @Bean
    FilterRegistrationBean<WebappNoncePerRequest> webappNoncePerRequest() {
        FilterRegistrationBean<WebappNoncePerRequest> registration = new FilterRegistrationBean<>(
                new WebappNoncePerRequest());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Plain path patterns: the engine REST API is a second (Jersey) servlet, so MVC matchers cannot be used. */
    private static RequestMatcher paths(String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(patterns[i]);
        }
        return new OrRequestMatcher(matchers);
    }
}
