package org.broadsheet.migrate;

/** The file is not a readable WordPress export; the message names the line and column where reading stopped. */
class WxrFormatException extends Exception {

    private final int line;
    private final int column;

    WxrFormatException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
