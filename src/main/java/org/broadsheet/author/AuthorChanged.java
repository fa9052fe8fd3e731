package org.broadsheet.author;

/** Published when an author profile is created or changed: bylines and bio boxes that show it change. */
public record AuthorChanged(long authorId) {
}
