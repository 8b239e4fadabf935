package org.precisionaid.web;

/** The request collides with something that already exists; answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
