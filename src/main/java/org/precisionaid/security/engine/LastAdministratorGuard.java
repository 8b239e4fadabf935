package org.precisionaid.security.engine;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import static org.precisionaid.security.engine.EngineInternals.field;
import static org.precisionaid.security.engine.EngineInternals.read;

/**
 * At least one user stays a direct member of {@code camunda-admin}: Camunda Admin cannot delete that group, nor
 * its last member, nor his membership. Camunda's first-run "create an administrator" page opens whenever the group
 * is empty (CVE-2026-77226), so an empty group would let anyone make himself administrator.
 */
public class LastAdministratorGuard extends CommandInterceptor {

    private static final Field MEMBERSHIP_USER = field(DeleteMembershipCmd.class, "userId",
            LastAdministratorGuard.class);
    private static final Field MEMBERSHIP_GROUP = field(DeleteMembershipCmd.class, "groupId",
            LastAdministratorGuard.class);
    private static final Field DELETED_USER = field(DeleteUserCmd.class, "userId", LastAdministratorGuard.class);
    private static final Field DELETED_GROUP = field(DeleteGroupCmd.class, "groupId", LastAdministratorGuard.class);

    private final IdentityService identity;

    public LastAdministratorGuard(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof DeleteGroupCmd && Groups.CAMUNDA_ADMIN.equals(read(DELETED_GROUP, command))) {
            throw new BadUserRequestException("The group camunda-admin cannot be deleted: it holds the administrators");
        }
        if (command instanceof DeleteMembershipCmd && Groups.CAMUNDA_ADMIN.equals(read(MEMBERSHIP_GROUP, command))) {
            refuseIfLastAdministrator((String) read(MEMBERSHIP_USER, command));
        }
        if (command instanceof DeleteUserCmd) {
            refuseIfLastAdministrator((String) read(DELETED_USER, command));
        }
        return next.execute(command);
    }

    private void refuseIfLastAdministrator(String userId) {
        if (userId == null) {
            return;
        }
        boolean isMember = identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
        if (isMember && identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() <= 1) {
            throw new BadUserRequestException("User " + userId + " is the last administrator (member of camunda-admin): "
                    + "make another user an administrator first");
        }
    }
}
