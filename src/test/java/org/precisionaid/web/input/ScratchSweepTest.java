package org.precisionaid.web.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.web.input.BodyEndpoints.Call;
import org.precisionaid.web.input.BodyEndpoints.Endpoint;
import org.precisionaid.web.input.BodyEndpoints.Kind;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class ScratchSweepTest {
    @Test
    void sweep() {
        InputContractProperties.context();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : BodyEndpoints.all()) {
            if (endpoint.kind() != Kind.JSON && endpoint.kind() != Kind.QUERY) continue;
            Call base;
            try { base = endpoint.base().apply(InputContractProperties.fixtures); } catch (Throwable t) { failures.add(endpoint + " base: " + t); continue; }
            for (Hostile kind : Hostile.values()) {
                for (long seed = 0; seed < 4; seed++) {
                    Random random = new Random(seed * 31 + kind.ordinal());
                    Hostile.Mutation m = endpoint.kind() == Kind.QUERY ? Hostile.query(kind, base.body(), random) : kind.apply(base.body(), random, endpoint.codeFields());
                    if (m == null) continue;
                    Map<String, Long> before = InputContractProperties.snapshot();
                    ResponseEntity<String> r = InputContractProperties.send(endpoint, base.path(), m.body());
                    boolean ok = r.getStatusCode().is4xxClientError() && r.getHeaders().getContentType() != null
                            && r.getHeaders().getContentType().toString().contains("problem")
                            && (r.getStatusCode().value() != 400 || (r.getBody() != null && r.getBody().contains("\"errors\":{\"")));
                    Map<String, Long> after = InputContractProperties.snapshot();
                    String diff = "";
                    if (!after.equals(before)) {
                        for (var e : after.entrySet()) if (!e.getValue().equals(before.get(e.getKey()))) diff += e.getKey() + " ";
                    }
                    if (!ok || !diff.isEmpty()) {
                        String b = r.getBody() == null ? "" : r.getBody();
                        failures.add(endpoint + " " + kind + " at " + m.path() + " -> " + r.getStatusCode() + " " + (b.length() > 300 ? b.substring(0, 300) : b) + (diff.isEmpty() ? "" : " CHANGED " + diff));
                    }
                }
            }
        }
        failures.forEach(f -> System.out.println("SWEEP " + f));
        System.out.println("SWEEP total failures " + failures.size());
    }
}
