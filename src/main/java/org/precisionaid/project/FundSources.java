package org.precisionaid.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Bilingual names of the fund sources (reference data, read once). */
@Component
public class FundSources {

    private final FundSourceRepository sources;
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    public FundSources(FundSourceRepository sources) {
        this.sources = sources;
    }

    public String label(String code) {
        if (labels.isEmpty()) {
            sources.findAll().forEach(source -> labels.put(source.getCode(), source.label()));
        }
        return labels.getOrDefault(code, code);
    }
}
