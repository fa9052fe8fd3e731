package org.broadsheet.newsroom;

/** A newsroom action that was refused, and why. */
public record RefusedPage(int status, String heading, String reason) {
}
