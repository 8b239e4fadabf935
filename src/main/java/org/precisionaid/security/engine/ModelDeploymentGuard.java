package org.precisionaid.security.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.springframework.context.ApplicationContext;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs before the engine's own deployers on every BPMN and DMN resource, so a bad model is refused whole with the
 * file, line and rule ({@link ParseException}: 400 over REST, shown by Modeler) instead of failing later:
 * XML that is not well formed or declares a DOCTYPE (no external entities), a DMN the decision engine cannot
 * read, a script (no script runs on our server), an expression that names an application bean other than the
 * {@link ProcessBeans}, or one that reaches for reflection.
 */
public class ModelDeploymentGuard implements Deployer {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
    private static final Pattern REFLECTION = Pattern.compile(
            "\\.\\s*(getClass|forName|class|classLoader|getClassLoader|getRuntime|exec|declaringClass|getDeclaredMethod|getMethod|invoke|newInstance)\\b");
    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");

    private final ApplicationContext context;
    private final ProcessBeans allowed;

    public ModelDeploymentGuard(ApplicationContext context) {
        this.context = context;
        this.allowed = new ProcessBeans(context);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
                    || name.endsWith(".dmn11.xml")) {
                check(resource);
            }
        }
    }

    private void check(ResourceEntity resource) {
        List<Problem> problems = new ArrayList<>();
        Scanner scanner = new Scanner(problems);
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = factory.newSAXParser();
            parser.parse(new ByteArrayInputStream(resource.getBytes()), scanner);
        } catch (SAXParseException e) {
            problems.add(new ModelProblem("not a well-formed model (a DOCTYPE or external entity is never accepted): "
                    + e.getMessage(), e.getLineNumber(), e.getColumnNumber(), null));
        } catch (Exception e) {
            problems.add(new ModelProblem("cannot be read: " + e.getMessage(), 0, 0, null));
        }
        if (problems.isEmpty() && resource.getName().contains(".dmn")) {
            try {
                Context.getProcessEngineConfiguration().getDmnEngine()
                        .parseDecisionRequirementsGraph(new ByteArrayInputStream(resource.getBytes()));
            } catch (RuntimeException e) {
                problems.add(new ModelProblem("the decision engine cannot read it: " + rootMessage(e), 0, 0, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ParseException(resource.getName() + ": " + problems.get(0).getMessage()
                    + (problems.get(0).getLine() > 0 ? " (line " + problems.get(0).getLine() + ")" : ""),
                    resource.getName(), problems, List.of());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + " — " + cause.getMessage();
    }

    /** Collects the problems of one file while SAX reads it, with the line of each. */
    private final class Scanner extends DefaultHandler {

        private final List<Problem> problems;
        private Locator locator;
        private String elementId;
        private final StringBuilder text = new StringBuilder();

        Scanner(List<Problem> problems) {
            this.problems = problems;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            checkText();
            String id = attributes.getValue("id");
            if (id != null) {
                elementId = id;
            }
            if (SCRIPT_ELEMENTS.contains(localName) || attributes.getValue("scriptFormat") != null) {
                problem("scripts are not run on this server: use a delegate bean or an expression");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                checkExpressions(attributes.getValue(i));
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            checkText();
        }

        private void checkText() {
            if (!text.isEmpty()) {
                checkExpressions(text.toString());
                text.setLength(0);
            }
        }

        private void checkExpressions(String value) {
            if (value == null || !(value.contains("${") || value.contains("#{"))) {
                return;
            }
            Matcher matcher = EXPRESSION.matcher(value);
            while (matcher.find()) {
                String expression = matcher.group();
                if (REFLECTION.matcher(expression).find()) {
                    problem("expression " + expression + " reaches for reflection, which models may not use");
                    continue;
                }
                for (String name : identifiers(expression)) {
                    if (context.containsBean(name) && !allowed.containsKey(name)) {
                        problem("expression " + expression + " names the bean '" + name
                                + "', which models may not reach (only beans marked @ProcessBean)");
                    }
                }
            }
        }

        private List<String> identifiers(String expression) {
            try {
                Tree tree = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression);
                List<String> names = new ArrayList<>();
                for (IdentifierNode node : tree.getIdentifierNodes()) {
                    names.add(node.getName());
                }
                return names;
            } catch (RuntimeException e) {
                problem("expression " + expression + " cannot be parsed: " + e.getMessage());
                return List.of();
            }
        }

        private void problem(String message) {
            problems.add(new ModelProblem(message, locator == null ? 0 : locator.getLineNumber(),
                    locator == null ? 0 : locator.getColumnNumber(), elementId));
        }
    }
}
