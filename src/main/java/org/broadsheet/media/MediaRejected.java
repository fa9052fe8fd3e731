package org.broadsheet.media;

import org.broadsheet.support.BadRequestException;

/** An upload or change the media library refuses, with a message that says why and what to do. */
public class MediaRejected extends BadRequestException {

    public MediaRejected(String message) {
        super(message);
    }
}
