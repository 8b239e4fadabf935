package org.precisionaid.security;

import org.precisionaid.web.ConflictException;

public class OfficialExistsException extends ConflictException {

    public OfficialExistsException(String userId) {
        super("userId: user " + userId + " already exists");
    }
}
