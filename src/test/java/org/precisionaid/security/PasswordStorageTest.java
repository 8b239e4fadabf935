package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;
import org.precisionaid.security.password.Pbkdf2PasswordEncryptor;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Threat: stolen password hashes are cracked, or officials choose passwords that are guessed. */
@IntegrationTest
class PasswordStorageTest {

    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Value("${precision-aid.security.password-hash-iterations}")
    int iterations;

    @Test
    void newPasswordsAreStoredWithPbkdf2NotSha512() {
        String userId = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        saveUser(userId, "Correct-Horse-7733");
        assertThat(storedHash(userId)).startsWith("{" + Pbkdf2PasswordEncryptor.NAME + "}");
        assertThat(identity.checkPassword(userId, "Correct-Horse-7733")).isTrue();
        assertThat(identity.checkPassword(userId, "correct-horse-7733")).isFalse();
    }

    @Test
    void anOldSha512HashStillLogsInAndIsReplacedByPbkdf2AtThatLogin() {
        String userId = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        saveUser(userId, "Old-Account-Password-1");
        String salt = "c2FsdHNhbHRzYWx0c2FsdA==";
        String legacy = "{SHA-512}" + new Sha512HashDigest().encrypt("Old-Account-Password-1" + salt);
        jdbc.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?", legacy, salt, userId);

        assertThat(identity.checkPassword(userId, "Old-Account-Password-1")).isTrue();
        assertThat(storedHash(userId)).startsWith("{" + Pbkdf2PasswordEncryptor.NAME + "}").isNotEqualTo(legacy);
        assertThat(identity.checkPassword(userId, "Old-Account-Password-1")).isTrue();
        assertThat(identity.checkPassword(userId, "Wrong-Password-1234")).isFalse();
    }

    @Test
    void demoOfficialsLogInWithTheDemoPasswordHashedOnceWithPbkdf2() {
        // the demo seed hashes "demo" once for all its accounts (issue #26 item 5): each still logs in with it, only with it
        for (String userId : new String[] {"clerk.654224101201", "township.654224101", "county.654225"}) {
            assertThat(storedHash(userId)).startsWith("{" + Pbkdf2PasswordEncryptor.NAME + "}");
            assertThat(identity.checkPassword(userId, "demo")).as(userId).isTrue();
            assertThat(identity.checkPassword(userId, "Demo")).as(userId).isFalse();
        }
        assertThat(storedHash("clerk.654224101201")).isEqualTo(storedHash("county.654225"));
        // an official created by an administrator gets a hash of his own, with a salt of its own
        String userId = "own-" + UUID.randomUUID().toString().substring(0, 8);
        saveUser(userId, "Quiet-Harbour-5521");
        assertThat(jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class, userId))
                .isNotEqualTo(jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class,
                        "county.654225"));
    }

    @Test
    void theProductionWorkFactorIsAtLeastOwaspsAndTheTestsRunACheaperOne() {
        // the test profile lowers the iterations for speed; production reads PA_PASSWORD_HASH_ITERATIONS or 310,000
        assertThat(iterations).isEqualTo(1000);
        assertThat(readMainYaml()).contains("password-hash-iterations: ${PA_PASSWORD_HASH_ITERATIONS:310000}");
    }

    @Test
    void camundaAdminAndTheEngineRefuseAPasswordAgainstThePolicy() {
        User weak = identity.newUser("weak-" + UUID.randomUUID().toString().substring(0, 8));
        weak.setPassword("short");
        assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("policy");
        // what Camunda Admin asks before it saves: each rule, and which one fails
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> check = rest.withBasicAuth("admin", "test-admin-password").postForEntity(
                "/engine-rest/identity/password-policy",
                new HttpEntity<>("{\"password\":\"password1234\",\"profile\":{\"id\":\"li.si\"}}", headers), JsonNode.class);
        assertThat(check.getBody().get("valid").asBoolean()).isFalse();
        assertThat(check.getBody().get("rules").toString()).contains("PASSWORD_POLICY_COMMON")
                .contains("PASSWORD_POLICY_LENGTH");
    }

    @Test
    void ourOfficialsApiNamesTheRuleThePasswordBreaks() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"userId":"zhao.township.654225101","firstName":"赵","lastName":"Zhao","password":"%s",
                 "regionCode":"654225101000","role":"township"}""";
        for (Map.Entry<String, String> rule : Map.of(
                "Zhao-pass", "at least 12 characters",
                "zhao.township.654225101-x", "must not contain the user id",
                "Password2026!", "commonly used").entrySet()) {
            ResponseEntity<JsonNode> answer = rest.withBasicAuth("admin", "test-admin-password").postForEntity(
                    "/api/officials", new HttpEntity<>(body.formatted(rule.getKey()), headers), JsonNode.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getBody().get("errors").get("password").asText()).contains(rule.getValue());
        }
        assertThat(identity.createUserQuery().userId("zhao.township.654225101").count()).isZero();
    }

    private void saveUser(String userId, String password) {
        User user = identity.newUser(userId);
        user.setFirstName("测试");
        user.setLastName("Test");
        user.setPassword(password);
        identity.saveUser(user);
    }

    private String storedHash(String userId) {
        return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
    }

    private static String readMainYaml() {
        try (var in = PasswordStorageTest.class.getResourceAsStream("/application.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
