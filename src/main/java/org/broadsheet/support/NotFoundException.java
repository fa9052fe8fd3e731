package org.broadsheet.support;

/** Thrown for an address that names nothing; answered with the 404 page and this message. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
