package org.broadsheet.support;

/** Thrown for an address whose content was deliberately taken down; answered with a 410 page. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
