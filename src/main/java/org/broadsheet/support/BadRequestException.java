package org.broadsheet.support;

/** Thrown for input a person can fix; answered with a 400 page that shows this message. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
