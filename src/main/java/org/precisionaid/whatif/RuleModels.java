package org.precisionaid.whatif;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The two sides of a what-if as parsed decisions: today's rule is the latest deployed version of the DMN file, read
 * from the engine's repository; the changed rule is that file with edited values, or a file the official uploaded.
 * Either is parsed in memory by {@link WhatIfDmnEngine} and never deployed.
 */
@Component
public class RuleModels {

    /** A DMN file of ours is 10-40 KB; a quarter of a megabyte is far beyond any real table and bounds the parse. */
    public static final int MAX_DMN_BYTES = 256 * 1024;

    static final String POVERTY_LINE = "povertyLine";
    static final String NEGATIVE_LIST = "negativeList";
    /** The catch-all row of the negative list (nobody excluded); switching it off would leave no answer at all. */
    static final String NEGATIVE_NONE = "negativeNone";
    static final String EXIT_RULE_ROW = "exitRule";
    static final String MONITORING_LINE = "monitoringLine";
    /** The years-in-a-row column of the exit rule (third input). */
    static final int EXIT_YEARS_INPUT = 2;

    private static final Set<String> FEEL = new java.util.HashSet<>(List.of("feel", "FEEL",
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15));

    private static final java.util.regex.Pattern STRING_LITERAL = java.util.regex.Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final java.util.regex.Pattern NOT_PLAIN_FEEL = java.util.regex.Pattern.compile(
            "\\b(for|some|every|function|external)\\b");

    private final RepositoryService repository;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final WhatIfDmnEngine dmn;

    public RuleModels(RepositoryService repository, org.camunda.bpm.engine.IdentityService identity,
            WhatIfDmnEngine dmn) {
        this.repository = repository;
        this.identity = identity;
        this.dmn = dmn;
    }

    /** A DMN file as deployed: where it came from (resource and version) and its bytes. */
    public record Deployed(String resource, int version, byte[] xml) {
        /** The file's name and version; never the server's path the resource was deployed from. */
        public String describe() {
            String name = resource == null ? "?" : resource.substring(Math.max(resource.lastIndexOf('/'),
                    resource.lastIndexOf('\\')) + 1);
            return name + " v" + version;
        }
    }

    /** The latest deployed file that holds the decision. */
    public Deployed deployed(String decisionKey) {
        DecisionDefinition definition = EngineCalls.withoutAuthorization(identity, () -> repository
                .createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().singleResult());
        if (definition == null) {
            throw new IllegalStateException("no decision " + decisionKey + " is deployed");
        }
        byte[] xml = EngineCalls.withoutAuthorization(identity, () -> {
            try (InputStream in = repository.getDecisionModel(definition.getId())) {
                return in.readAllBytes();
            }
        });
        return new Deployed(definition.getResourceName(), definition.getVersion(), xml);
    }

    /** Parses a deployed file; it passed the deployment guard, and is checked for FEEL here again all the same. */
    public DmnDecisionRequirementsGraph parseDeployed(Deployed deployed) {
        String problem = problemOf(deployed.xml());
        if (problem != null) {
            throw new IllegalStateException(deployed.describe() + " cannot be tried out: " + problem);
        }
        return dmn.parse(deployed.xml());
    }

    /**
     * An uploaded file, untrusted: its size, well-formed XML without DOCTYPE, FEEL only (no JUEL, no script, no
     * {@code ${…}}), a file the decision engine reads, holding the rule's decision with the outputs its procedure
     * reads. Each refusal names the field {@code file} with the line.
     */
    public DmnDecisionRequirementsGraph parseUpload(byte[] xml, WhatIfRule rule) {
        if (xml.length == 0) {
            throw refused("is empty: choose a .dmn file");
        }
        if (xml.length > MAX_DMN_BYTES) {
            throw refused("at most " + MAX_DMN_BYTES + " bytes, the file has " + xml.length);
        }
        String problem = problemOf(xml);
        if (problem != null) {
            throw refused(problem);
        }
        DmnDecisionRequirementsGraph graph;
        try {
            graph = dmn.parse(xml);
        } catch (RuntimeException e) {
            throw refused("the decision engine cannot read it: " + rootMessage(e));
        }
        DmnDecision decision = graph.getDecision(rule.decisionKey());
        if (decision == null) {
            throw refused("has no decision with id " + rule.decisionKey() + " (the rule " + rule.label() + ")");
        }
        if (!decision.isDecisionTable()) {
            throw refused("the decision " + rule.decisionKey() + " must be a decision table");
        }
        Set<String> outputs = new java.util.HashSet<>();
        decision.getDecisionLogic();
        ((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic()).getOutputs()
                .forEach(output -> outputs.add(output.getOutputName()));
        for (String needed : List.of(rule.outcomeOutput(), "reason")) {
            if (!outputs.contains(needed)) {
                throw refused("the decision " + rule.decisionKey() + " has no output named " + needed
                        + ", which the procedure reads");
            }
        }
        return graph;
    }

    /** The eligibility rules with edited values: the poverty line of a year, negative-list rows switched off. */
    public DmnDecisionRequirementsGraph editEligibility(Deployed eligibility, Integer year, BigDecimal povertyLineYuan,
            List<String> negativeListOff, Map<String, String> errors) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(eligibility.xml()));
        if (povertyLineYuan != null && year != null) {
            setPovertyLine(model, year, povertyLineYuan);
        }
        if (negativeListOff != null && !negativeListOff.isEmpty()) {
            DecisionTable table = table(model, NEGATIVE_LIST);
            Map<String, Rule> rows = new LinkedHashMap<>();
            table.getRules().forEach(row -> rows.put(row.getId(), row));
            for (int i = 0; i < negativeListOff.size(); i++) {
                String id = negativeListOff.get(i);
                if (NEGATIVE_NONE.equals(id) || !rows.containsKey(id)) {
                    List<String> known = new ArrayList<>(rows.keySet());
                    known.remove(NEGATIVE_NONE);
                    errors.put("negativeListOff[" + i + "]", "must be a row of the negative list: one of "
                            + String.join(", ", known));
                } else {
                    table.getRules().remove(rows.get(id));
                }
            }
        }
        return errors.isEmpty() ? dmn.parse(model) : null;
    }

    /** The exit rule with another number of years in a row above the line. */
    public DmnDecisionRequirementsGraph editExit(Deployed assessment, int exitYears) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(assessment.xml()));
        Rule exit = model.getModelElementById(EXIT_RULE_ROW);
        if (exit == null) {
            throw new IllegalStateException(assessment.describe() + " has no row " + EXIT_RULE_ROW);
        }
        InputEntry years = new ArrayList<>(exit.getInputEntries()).get(EXIT_YEARS_INPUT);
        years.getText().setTextContent(">= " + exitYears);
        return dmn.parse(model);
    }

    /**
     * The monitoring rules with another line for a province and year: a row put before the others of
     * {@code monitoringLine} (hit policy FIRST), so it answers for that province and year and nothing else changes.
     */
    public DmnDecisionRequirementsGraph editMonitoringLine(Deployed rules, String province, int year, BigDecimal yuan) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(rules.xml()));
        DecisionTable table = table(model, MONITORING_LINE);
        Rule row = model.newInstance(Rule.class);
        row.setId("whatIfMonitoringLine");
        String[] inputs = {"\"" + province + "\"", String.valueOf(year)};
        for (int i = 0; i < inputs.length; i++) {
            InputEntry input = model.newInstance(InputEntry.class);
            input.setId("whatIfMonitoringLineIn" + i);
            input.setText(text(model, inputs[i]));
            row.getInputEntries().add(input);
        }
        String[] outputs = {yuan.stripTrailingZeros().toPlainString(), "\"政策模拟 / what-if\""};
        for (int i = 0; i < outputs.length; i++) {
            OutputEntry output = model.newInstance(OutputEntry.class);
            output.setId("whatIfMonitoringLineOut" + i);
            output.setText(text(model, outputs[i]));
            row.getOutputEntries().add(output);
        }
        List<org.camunda.bpm.model.dmn.instance.Output> columns = new ArrayList<>(table.getOutputs());
        table.insertElementAfter(row, columns.get(columns.size() - 1));
        return dmn.parse(model);
    }

    private static void setPovertyLine(DmnModelInstance model, int year, BigDecimal yuan) {
        DecisionTable table = table(model, POVERTY_LINE);
        String value = yuan.stripTrailingZeros().toPlainString();
        for (Rule row : table.getRules()) {
            InputEntry entry = row.getInputEntries().iterator().next();
            if (String.valueOf(year).equals(entry.getText().getTextContent().strip())) {
                row.getOutputEntries().iterator().next().getText().setTextContent(value);
                return;
            }
        }
        Rule row = model.newInstance(Rule.class);
        row.setId("whatIfLine" + year);
        InputEntry input = model.newInstance(InputEntry.class);
        input.setId("whatIfLine" + year + "Year");
        input.setText(text(model, String.valueOf(year)));
        OutputEntry output = model.newInstance(OutputEntry.class);
        output.setId("whatIfLine" + year + "Value");
        output.setText(text(model, value));
        row.getInputEntries().add(input);
        row.getOutputEntries().add(output);
        table.getRules().add(row);
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    private static DecisionTable table(DmnModelInstance model, String decisionId) {
        org.camunda.bpm.model.dmn.instance.Decision decision = model.getModelElementById(decisionId);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            throw new IllegalStateException("the deployed rules have no decision table " + decisionId);
        }
        return table;
    }

    /**
     * What makes a DMN file unfit for a what-if, or null: not well formed, a DOCTYPE (external entities), an
     * expression language other than FEEL (JUEL would reach Java objects, a script language the JVM), or a
     * {@code ${…}}/{@code #{…}} expression.
     */
    static String problemOf(byte[] xml) {
        Checker checker = new Checker();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), checker);
        } catch (SAXParseException e) {
            return "line " + e.getLineNumber() + ": not a well-formed DMN file (a DOCTYPE or external entity is never "
                    + "accepted): " + e.getMessage();
        } catch (Exception e) {
            return "cannot be read: " + e.getMessage();
        }
        return checker.problem;
    }

    private static FieldRuleException refused(String rule) {
        return FieldRuleException.invalid(Map.of("file", rule));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + " — " + cause.getMessage();
    }

    /** Reads the file once with SAX and keeps the first problem with its line. */
    private static final class Checker extends DefaultHandler {

        private Locator locator;
        private String problem;
        private boolean inText;
        private final StringBuilder text = new StringBuilder();

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            checkText();
            inText = "text".equals(localName);
            if ("script".equalsIgnoreCase(localName) || attributes.getValue("scriptFormat") != null) {
                problem("scripts are not run on this server");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i);
                String value = attributes.getValue(i);
                if ("expressionLanguage".equals(name) && !FEEL.contains(value.strip())) {
                    problem("expression language " + value + " is not run in a what-if: FEEL only (the default; "
                            + "remove the expressionLanguage attribute)");
                }
                checkExpression(value);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            checkText();
            inText = false;
        }

        private void checkText() {
            if (!text.isEmpty()) {
                checkExpression(text.toString());
                if (inText) {
                    checkFeel(text.toString());
                }
                text.setLength(0);
            }
        }

        /** Plain FEEL only: no loops, quantifiers or functions of its own, which could run for ever. */
        private void checkFeel(String expression) {
            Matcher matcher = NOT_PLAIN_FEEL.matcher(STRING_LITERAL.matcher(expression).replaceAll("\"\""));
            if (matcher.find()) {
                problem("FEEL " + matcher.group(1) + " is not run in a what-if: comparisons, ranges, lists, "
                        + "arithmetic and the built-in functions only");
            }
        }

        private void checkExpression(String value) {
            if (value != null && (value.contains("${") || value.contains("#{"))) {
                problem("expression " + value.strip() + " is JUEL, which is not run in a what-if: write it in FEEL");
            }
        }

        private void problem(String message) {
            if (problem == null) {
                problem = "line " + (locator == null ? 0 : locator.getLineNumber()) + ": " + message;
            }
        }
    }
}
