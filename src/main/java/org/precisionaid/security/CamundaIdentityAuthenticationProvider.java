package org.precisionaid.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's own identity store, so an official has one account for Tasklist,
 * the engine REST API and our API. Groups become authorities {@code GROUP_<id>}; camunda-admin also ROLE_ADMIN.
 * Every request goes to the engine's password check, where the login throttle, the lock and the short memory of
 * verified passwords are ({@code AuditedIdentityProvider}): a changed password, a lock or a deleted account counts
 * at the very next request.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements org.springframework.security.authentication.AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identity;

    public CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("wrong user name or password");
        }
        String password = credentials.toString();
        // a locked account or address answers like a wrong password: nothing tells whether the account exists
        if (!readIdentity(() -> identity.checkPassword(userId, password))) {
            throw new BadCredentialsException("wrong user name or password");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : readIdentity(() -> identity.createGroupQuery().groupMember(userId).list())) {
            authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()));
            if (Groups.CAMUNDA_ADMIN.equals(group.getId())) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /** The identity store could not be read (e.g. the database is down): the entry point answers 503, not 401. */
    private static <T> T readIdentity(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException failure) {
            throw new org.springframework.security.authentication.AuthenticationServiceException(
                    "the identity store could not be read", failure);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
