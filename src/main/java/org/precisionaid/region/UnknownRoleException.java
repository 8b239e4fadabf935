package org.precisionaid.region;

public class UnknownRoleException extends IllegalArgumentException {

    public UnknownRoleException(String role) {
        super("'" + role + "' is not a role; known roles: " + OfficialRole.allKeys());
    }
}
