package org.precisionaid.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of ours has a property test of its input: each {@code /api} or {@code /public} endpoint that takes
 * input beyond a GET's query (POST, PUT, PATCH, DELETE) is listed in {@link BodyEndpoints}, which the properties of
 * {@link InputContractProperties} mutate; every GET is taken from the mappings by {@link InputContractProperties}
 * itself. A new endpoint therefore cannot go out without one. Endpoints whose valid call cannot be made in the
 * shared context are named with the reason ({@link BodyEndpoints#WITHOUT_VALID_CALL}), never left out silently.
 */
@IntegrationTest
class InputContractCoverageTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Set<String> endpointsWithInput(RequestMappingHandlerMapping mappings) {
        Set<String> keys = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : patterns(info)) {
                if (!path.startsWith("/api/") && !path.startsWith("/public/")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    if (verb != RequestMethod.GET && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS) {
                        keys.add(verb + " " + path);
                    }
                }
            }
        });
        return keys;
    }

    static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? info.getPatternsCondition().getPatterns()
                : info.getPathPatternsCondition().getPatternValues();
    }

    @Test
    void everyEndpointWithInputHasItsPropertyTests() {
        Set<String> covered = BodyEndpoints.all().stream().map(BodyEndpoints.Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> endpoints = endpointsWithInput(mappings);
        assertThat(endpoints).as("endpoints without a property test of their input (add them to BodyEndpoints)")
                .isSubsetOf(covered);
        assertThat(covered).as("BodyEndpoints lists endpoints the application does not have").isSubsetOf(endpoints);
    }

    @Test
    void anEndpointWithoutAValidCallSaysWhy() {
        Set<String> withoutValid = BodyEndpoints.all().stream().filter(e -> e.valid() == null)
                .map(BodyEndpoints.Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withoutValid).isEqualTo(new TreeSet<>(BodyEndpoints.WITHOUT_VALID_CALL.keySet()));
    }
}
