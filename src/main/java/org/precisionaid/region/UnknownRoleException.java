package org.precisionaid.region;

public class UnknownRoleException extends IllegalArgumentException {

    public UnknownRoleException(String role) {
        super("'" + (role != null && role.length() > 40 ? role.substring(0, 40) + "…" : role)
                + "' is not a role; known roles: " + OfficialRole.allKeys());
    }
}
