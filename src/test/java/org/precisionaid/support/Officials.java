package org.precisionaid.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Runs engine calls as a given demo official, with his real group memberships. */
public final class Officials {

    private Officials() {
    }

    public static <T> T as(IdentityService identity, String userId, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public static void as(IdentityService identity, String userId, Runnable action) {
        as(identity, userId, () -> {
            action.run();
            return null;
        });
    }
}
