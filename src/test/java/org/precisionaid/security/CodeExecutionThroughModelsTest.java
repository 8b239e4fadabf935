package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Threat: a model deployed by an administrator (as Camunda Modeler does) runs code on the server or breaks the
 * engine. Every bad model is refused whole with 400 and the parser's message and line; nothing is deployed.
 */
@IntegrationTest
class CodeExecutionThroughModelsTest {

    static final String ADMIN_PASSWORD = "test-admin-password";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    static String process(String id, String serviceTaskAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://precision-aid.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
                    <bpmn:serviceTask id="work" %s />
                    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, serviceTaskAttributes);
    }

    @Test
    void aModelNamingABeanThatIsNotAProcessBeanIsRefusedWithTheBeanAndLineNamed() {
        String key = uniqueKey();
        ResponseEntity<JsonNode> answer = deploy(key + ".bpmn", process(key, "camunda:expression=\"${dataSource.connection}\""));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("'dataSource'").contains("line 7");
        assertNothingDeployed(key);
    }

    @Test
    void aModelReachingForReflectionIsRefused() {
        String key = uniqueKey();
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "pa-model-" + UUID.randomUUID());
        String expression = "${&quot;&quot;.getClass().forName(&quot;java.lang.Runtime&quot;).getMethod(&quot;getRuntime&quot;)"
                + ".invoke(null).exec(&quot;touch " + marker + "&quot;)}";
        ResponseEntity<JsonNode> answer = deploy(key + ".bpmn", process(key, "camunda:expression=\"" + expression + "\""));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("reflection");
        assertNothingDeployed(key);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aScriptIsRefused() {
        String key = uniqueKey();
        String xml = process(key, "camunda:expression=\"${true}\"").replace("<bpmn:serviceTask id=\"work\" camunda:expression=\"${true}\" />",
                "<bpmn:scriptTask id=\"work\" scriptFormat=\"javascript\"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>");
        ResponseEntity<JsonNode> answer = deploy(key + ".bpmn", xml);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("scripts are not run");
        assertNothingDeployed(key);
    }

    @Test
    void aModelWithAnExternalEntityIsRefusedAndTheEntityIsNeverRead() {
        String key = uniqueKey();
        String xml = process(key, "camunda:expression=\"${true}\"").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace("id=\"work\"", "id=\"work\" name=\"&xxe;\"");
        ResponseEntity<JsonNode> answer = deploy(key + ".bpmn", xml);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().toString()).contains("DOCTYPE").doesNotContain("root:x:0:0");
        assertNothingDeployed(key);
    }

    @Test
    void aBrokenBpmnGets400WithTheParsersMessageAndLineNot500() {
        String key = uniqueKey();
        String broken = process(key, "camunda:expression=\"${true}\"").replace("<bpmn:endEvent id=\"end\" />", "<bpmn:endEvent id=\"end\">");
        ResponseEntity<JsonNode> answer = deploy(key + ".bpmn", broken);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("ParseException");
        JsonNode problem = answer.getBody().get("details").get(key + ".bpmn").get("errors").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(10); // where the unclosed endEvent meets </bpmn:process>
        assertThat(problem.get("message").asText()).contains("well-formed");
        assertNothingDeployed(key);
    }

    @Test
    void aBrokenDmnGets400NotA500AndNothingIsDeployed() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="brokenRules" name="Broken" namespace="http://precision-aid.org/test">
                  <decision id="%s" name="Broken">
                    <decisionTable id="table" hitPolicy="NO_SUCH_POLICY">
                      <output id="out" name="result" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(uniqueKey());
        long before = repository.createDeploymentQuery().count();
        ResponseEntity<JsonNode> answer = deploy("broken.dmn", dmn);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("broken.dmn").contains("decision engine");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aGoodModelUsingOurBeansStillDeploys() {
        String key = uniqueKey();
        ResponseEntity<JsonNode> answer = deploy(key + ".bpmn",
                process(key, "camunda:expression=\"${groups.of('654224101201', 'township')}\""));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
    }

    @Test
    void theJavaApiIsGuardedTheSameWay() {
        String key = uniqueKey();
        assertThatThrownBy(() -> repository.createDeployment()
                .addString(key + ".bpmn", process(key, "camunda:expression=\"${identityService.createUserQuery()}\""))
                .deploy())
                .isInstanceOf(ParseException.class).hasMessageContaining("'identityService'");
        assertNothingDeployed(key);
    }

    @Test
    void atRunTimeNoExpressionReachesReflectionEvenIfItGotPastTheDeployment() {
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context ->
                engine.getExpressionManager().createExpression("${\"\".getClass().getName()}")
                        .getValue(org.camunda.bpm.engine.impl.el.StartProcessVariableScope.getSharedInstance())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("getClass");
        // a query run on a path no guard knows (built inside a command, where no interceptor sees it): its
        // expression is still refused when the engine's query code evaluates it
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
            org.camunda.bpm.engine.impl.TaskQueryImpl query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
            query.or().taskCandidateGroupExpression("${'township'.concat('-654224101')}").endOr();
            return query.list();
        })).hasStackTraceContaining("Expression refused in a query");
    }

    private void assertNothingDeployed(String key) {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    private static String uniqueKey() {
        return "guardTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private ResponseEntity<JsonNode> deploy(String fileName, String xml) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "guard-test");
        form.add("deployment-source", "Camunda Modeler");
        form.add("data", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", ADMIN_PASSWORD)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
    }
}
