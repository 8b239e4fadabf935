package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Threat: anyone locks any official out. User ids are predictable ({@code clerk.<village>}) and Camunda locked an
 * account for good after ten failed logins, until an administrator came. Now a lock ends by itself after fifteen
 * minutes (the engine's clock is moved, nobody sleeps), an administrator can end it early, it applies to every door
 * (HTTP Basic on /api and /engine-rest, the webapps' login), and a locked account answers exactly like a wrong
 * password. ADR 0018; the per-address throttle is {@code LoginThrottleTest}.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockTest {

    static final String PASSWORD = "Long-Enough-Secret-1";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    OfficialDirectory officials;
    @LocalServerPort
    int port;

    final List<String> created = new ArrayList<>();

    @AfterEach
    void engineTimeAndAccounts() {
        ClockUtil.reset();
        created.forEach(identity::deleteUser);
    }

    @Test
    void elevenWrongLoginsFromAnAttackerDoNotStopTheOfficialOnceTheLockHasEnded(CapturedOutput log) {
        String clerk = freshClerk();
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        for (int i = 0; i < 11; i++) {
            assertThat(regions(clerk, "guessed-password-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // locked at every door, even with the right password
        assertThat(regions(clerk, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(clerk, PASSWORD).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThatThrownBy(() -> WebappSession.login(port, clerk, PASSWORD)).hasMessageContaining("failed: 401");

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(14))));
        assertThat(regions(clerk, PASSWORD)).as("a minute before the lock ends").isEqualTo(HttpStatus.UNAUTHORIZED);

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(15)).plusSeconds(1)));
        assertThat(regions(clerk, PASSWORD)).isEqualTo(HttpStatus.OK);
        WebappSession.login(port, clerk, PASSWORD);

        assertThat(log.getOut()).containsPattern("login locked: user=" + clerk.replace(".", "\\.")
                        + " until=\\S+ after 10 failed logins")
                .contains("login refused: user=" + clerk + " reason=account locked after failed logins")
                .doesNotContain("guessed-password-").doesNotContain(PASSWORD);
    }

    @Test
    void camundasLockForGoodIsGoneTheAccountLocksAgainOnlyForFifteenMinutes() {
        String clerk = freshClerk();
        Instant start = Instant.now();
        for (int round = 0; round < 3; round++) { // 30 failures: Camunda alone would have locked him for good
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(16L * round))));
            for (int i = 0; i < 10; i++) {
                regions(clerk, "guessed-password");
            }
            assertThat(regions(clerk, PASSWORD)).as("round %d", round).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(16L * 2 + 16))));
        assertThat(regions(clerk, PASSWORD)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAdministratorUnlocksAnOfficialEarlyAsInCamundaAdmin() {
        String clerk = freshClerk();
        for (int i = 0; i < 10; i++) {
            regions(clerk, "guessed-password");
        }
        assertThat(regions(clerk, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        // an official cannot unlock anyone; the administrator can, over the REST API Camunda Admin uses
        assertThat(rest.withBasicAuth("county.654225", "demo").postForEntity("/engine-rest/user/" + clerk + "/unlock",
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "test-admin-password").postForEntity(
                "/engine-rest/user/" + clerk + "/unlock", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(regions(clerk, PASSWORD)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aLockedAccountAnswersExactlyLikeAWrongPasswordOrAnUnknownUser() {
        String clerk = freshClerk();
        ResponseEntity<String> wrong = rest.withBasicAuth(clerk, "guessed-password").getForEntity("/api/regions",
                String.class);
        for (int i = 0; i < 9; i++) {
            regions(clerk, "guessed-password");
        }
        ResponseEntity<String> locked = rest.withBasicAuth(clerk, PASSWORD).getForEntity("/api/regions", String.class);
        ResponseEntity<String> unknown = rest.withBasicAuth("clerk.999999999999", PASSWORD).getForEntity("/api/regions",
                String.class);
        for (ResponseEntity<String> answer : List.of(locked, unknown)) {
            assertThat(answer.getStatusCode()).isEqualTo(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getBody()).isEqualTo(wrong.getBody());
            assertThat(answer.getHeaders().getFirst("WWW-Authenticate"))
                    .isEqualTo(wrong.getHeaders().getFirst("WWW-Authenticate"));
        }
        // the engine's own check, e.g. /engine-rest/identity/verify, says no as well
        assertThat(identity.checkPassword(clerk, PASSWORD)).isFalse();
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        String clerk = freshClerk();
        for (int i = 0; i < 9; i++) {
            regions(clerk, "guessed-password");
        }
        assertThat(regions(clerk, PASSWORD)).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < 9; i++) {
            regions(clerk, "mistyped-password");
        }
        assertThat(WebappSession.login(port, clerk, PASSWORD).get("/camunda/api/admin/auth/user/default")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theClientAddressOfARefusedLoginIsLogged(CapturedOutput log) {
        String clerk = freshClerk();
        regions(clerk, "guessed-password");
        assertThat(log.getOut()).contains("login refused: user=" + clerk + " reason=wrong password address=127.0.0.1");
    }

    private HttpStatus regions(String user, String password) {
        return HttpStatus.valueOf(rest.withBasicAuth(user, password).getForEntity("/api/regions", String.class)
                .getStatusCode().value());
    }

    private String freshClerk() {
        String id = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        officials.create(id, "测试", "Test", null, PASSWORD, "654225101200", "clerk");
        created.add(id);
        return id;
    }
}
