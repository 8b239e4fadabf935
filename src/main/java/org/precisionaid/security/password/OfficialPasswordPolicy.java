package org.precisionaid.security.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * Every new or changed password, in Camunda Admin, in {@code POST /api/officials} and at first start: at least
 * {@value #MIN_LENGTH} characters, not containing the user id, not one of the common passwords (also with digits
 * or symbols added at the end). The engine enforces it on every password save.
 */
public class OfficialPasswordPolicy implements PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private final List<PasswordPolicyRule> rules = List.of(
            new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new NoUserIdRule(), new NotCommonRule(commonPasswords()));

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** The first rule the password breaks, in words an administrator understands; empty when it passes. */
    public Optional<String> violation(String password, String userId) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (userId != null && !userId.isBlank() && password.toLowerCase(Locale.ROOT).contains(userId.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user id");
        }
        if (!rules.get(2).execute(password)) {
            return Optional.of("is a commonly used password");
        }
        return Optional.empty();
    }

    static Set<String> commonPasswords() {
        try (var in = OfficialPasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            Objects.requireNonNull(in, "security/common-passwords.txt is missing");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shown in Camunda Admin with its own "must not contain user data" label. */
    static final class NoUserIdRule implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return PasswordPolicyUserDataRuleImpl.PLACEHOLDER;
        }

        @Override
        public Map<String, String> getParameters() {
            return null;
        }

        @Override
        public boolean execute(String password) {
            return true; // without the user nothing to compare
        }

        @Override
        public boolean execute(String password, User user) {
            return user == null || user.getId() == null || user.getId().isBlank()
                    || !password.toLowerCase(Locale.ROOT).contains(user.getId().toLowerCase(Locale.ROOT));
        }
    }

    static final class NotCommonRule implements PasswordPolicyRule {

        private final Set<String> common;

        NotCommonRule(Set<String> common) {
            this.common = common;
        }

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_COMMON";
        }

        @Override
        public Map<String, String> getParameters() {
            return null;
        }

        @Override
        public boolean execute(String password) {
            String lower = password.toLowerCase(Locale.ROOT);
            String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
            return !common.contains(lower) && !common.contains(stem);
        }
    }
}
