package org.broadsheet.newsroom;

import java.util.List;

import org.broadsheet.media.MediaItem;

/**
 * The media library.
 *
 * @param usedBy titles of the articles that kept an image from being deleted, or empty
 */
public record MediaPage(List<MediaItem> items, long total, String notice, String error, List<String> usedBy,
                        boolean canEdit, boolean canDelete, int maxMegabytes, String scriptUrl) {
}
