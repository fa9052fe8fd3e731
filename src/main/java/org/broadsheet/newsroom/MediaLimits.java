package org.broadsheet.newsroom;

/** The upload size limit the newsroom states; the media feature enforces it. */
final class MediaLimits {

    static final int MAX_MEGABYTES = 20;

    private MediaLimits() {
    }
}
