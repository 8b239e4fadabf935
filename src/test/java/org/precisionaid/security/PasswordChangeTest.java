package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Threat: a password that was changed (a colleague saw it, the official left), an account that was locked or
 * deleted, keeps working over HTTP Basic for up to two minutes, the time a verified login is remembered (ADR 0007).
 * Now the remembered login counts only with the stored hash it was checked against and while the account is not
 * locked: the very next request sees the change. Repeated calls still skip the key derivation.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordChangeTest {

    static final String OLD = "Long-Enough-Secret-1";
    static final String NEW = "Another-Long-Secret-2";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    OfficialDirectory officials;

    final List<String> created = new ArrayList<>();

    @AfterEach
    void accounts() {
        created.stream().filter(id -> identity.createUserQuery().userId(id).count() > 0).forEach(identity::deleteUser);
    }

    @Test
    void anOfficialChangesHisPasswordOverTheEngineRestApiAndTheOldOneFailsAtTheVeryNextCall(CapturedOutput log) {
        String clerk = freshClerk();
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.OK);
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.OK);
        // the second call was answered from memory: the password was checked (and logged) once
        assertThat(count(log.getOut(), "login succeeded: user=" + clerk)).isEqualTo(1);

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"password\":\"" + NEW + "\",\"authenticatedUserPassword\":\"" + OLD + "\"}";
        assertThat(rest.withBasicAuth(clerk, OLD).exchange("/engine-rest/user/" + clerk + "/credentials",
                HttpMethod.PUT, new HttpEntity<>(body, json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(regions(clerk, NEW)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAdministratorsNewPasswordForAnOfficialCountsAtOnce() {
        String clerk = freshClerk();
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.OK);

        User user = identity.createUserQuery().userId(clerk).singleResult();
        user.setPassword(NEW);
        identity.saveUser(user);

        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(regions(clerk, NEW)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aLockCountsAtOnceEvenForAPasswordVerifiedAMomentAgo() {
        String clerk = freshClerk();
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < 10; i++) {
            regions(clerk, "guessed-password");
        }
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        identity.unlockUser(clerk);
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeletedAccountCountsAtOnce() {
        String clerk = freshClerk();
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.OK);
        identity.deleteUser(clerk);
        assertThat(regions(clerk, OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpStatus regions(String user, String password) {
        return HttpStatus.valueOf(rest.withBasicAuth(user, password).getForEntity("/api/regions", String.class)
                .getStatusCode().value());
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part) + "\\b").matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private String freshClerk() {
        String id = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        officials.create(id, "测试", "Test", null, OLD, "654225101200", "clerk");
        created.add(id);
        return id;
    }
}
