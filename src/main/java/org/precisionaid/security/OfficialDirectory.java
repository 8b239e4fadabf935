package org.precisionaid.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.precisionaid.security.password.OfficialPasswordPolicy;
import org.precisionaid.web.FieldRuleException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Creates officials as Camunda users in the group of their region and role, creating the group with its
 * permissions the first time someone joins it.
 */
@Service
public class OfficialDirectory {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final RegionService regions;
    private final CandidateGroups groups;
    private final List<String> startableByClerk;
    private final ProcessEngineConfigurationImpl engine;
    private final OfficialPasswordPolicy policy = new OfficialPasswordPolicy();
    private final List<String> startableByTownshipAndCounty;

    public OfficialDirectory(IdentityService identity, AuthorizationService authorizations, RegionService regions,
            CandidateGroups groups, ProcessEngineConfigurationImpl engine,
            @Value("${precision-aid.security.clerk-startable-processes:identification,funding}") List<String> startableByClerk,
            @Value("${precision-aid.security.township-county-startable-processes:funding}")
            List<String> startableByTownshipAndCounty) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.regions = regions;
        this.groups = groups;
        this.startableByClerk = List.copyOf(startableByClerk);
        this.engine = engine;
        this.startableByTownshipAndCounty = List.copyOf(startableByTownshipAndCounty);
    }

    public record Official(String userId, String groupId, String regionCode, String role) {
    }

    /** A new official whose password must pass the password policy (the rule it breaks is named on the field). */
    public Official create(String userId, String firstName, String lastName, String email, String password,
            String regionCode, String roleKey) {
        policy.violation(password, userId).ifPresent(rule -> {
            throw FieldRuleException.invalid(Map.of("password", rule));
        });
        return save(userId, firstName, lastName, email, password, null, regionCode, roleKey, false);
    }

    /** A demo official with the demo's shared password, which the policy would refuse: only the demo profile calls this. */
    public Official createDemoOfficial(String userId, String firstName, String lastName, String password,
            String regionCode, String roleKey) {
        return save(userId, firstName, lastName, null, password, null, regionCode, roleKey, true);
    }

    /** The same with the password already hashed ({@link #hashDemoPassword}): the demo seed's few hundred accounts. */
    public Official createDemoOfficial(String userId, String firstName, String lastName, DemoPassword password,
            String regionCode, String roleKey) {
        return save(userId, firstName, lastName, null, null, password, regionCode, roleKey, true);
    }

    /**
     * The demo's shared password hashed once for all demo accounts (salt and salted hash as the engine stores them),
     * so seeding a few hundred officials does not run the key derivation a few hundred times (issue #26 item 5).
     * Production's officials are created through {@link #create} and hashed each on their own.
     */
    public DemoPassword hashDemoPassword(String password) {
        String salt = engine.getSaltGenerator().generateSalt();
        return new DemoPassword(salt, engine.getPasswordManager().encrypt(EncryptionUtil.saltPassword(password, salt)));
    }

    /** A password as the engine stores it: its salt and the hash (with the encryptor's prefix) of password and salt. */
    public record DemoPassword(String salt, String hash) {
        @Override
        public String toString() {
            return "DemoPassword[hashed]";
        }
    }

    private Official save(String userId, String firstName, String lastName, String email, String password,
            DemoPassword hashed, String regionCode, String roleKey, boolean skipPasswordPolicy) {
        OfficialRole role = OfficialRole.fromKey(roleKey);
        Region region = regions.get(regionCode);
        String groupId = groups.forRegion(region.code(), role);
        if (identity.createUserQuery().userId(userId).count() > 0) {
            throw new OfficialExistsException(userId);
        }
        ensureGroup(groupId, region, role);
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        if (hashed == null) {
            user.setPassword(password);
        } else if (user instanceof UserEntity entity) {
            entity.setSalt(hashed.salt());
            entity.setDbPassword(hashed.hash());
        } else {
            throw new IllegalStateException("the identity provider does not take a stored hash");
        }
        engine.getCommandExecutorTxRequired().execute(new SaveUserCmd(user, skipPasswordPolicy));
        identity.createMembership(userId, groupId);
        return new Official(userId, groupId, region.getCode(), role.key());
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    void ensureGroup(String groupId, Region region, OfficialRole role) {
        if (identity.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identity.newGroup(groupId);
        group.setName(region.getNameZh() + " " + role.label().split(" / ")[0] + " / " + region.getNameEn() + " "
                + role.label().split(" / ")[1]);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        for (RolePermissions.Grant grant : RolePermissions.of(role, startableByClerk, startableByTownshipAndCounty)) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            List.of(grant.permissions()).forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
