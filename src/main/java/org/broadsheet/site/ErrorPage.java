package org.broadsheet.site;

import java.util.List;

/** An error as the reader sees it: status, heading and what to do. */
public record ErrorPage(int status, String heading, String message) {

    public List<String> hints() {
        return status == 404
                ? List.of("Check the address for typing mistakes.", "Start again from the front page or a section.")
                : List.of();
    }
}
