package org.broadsheet.migrate;

import java.util.List;
import java.util.Map;

/** What a WordPress export (WXR 1.0–1.2) holds, entry by entry, as {@link WxrReader} streams it. */
final class Wxr {

    private Wxr() {
    }

    /** One top-level entry of the channel. */
    sealed interface Entry permits Author, Term, Item {
    }

    /**
     * The channel's own fields, which precede its entries.
     *
     * @param description the site's tagline, as WordPress writes it
     */
    record Channel(String title, String description, String link, String language, String wxrVersion,
                   String baseSiteUrl, String baseBlogUrl) {

        /** What identifies the source site in {@code migration_source}: the blog's address, else the title. */
        String siteKey() {
            String key = !baseBlogUrl.isBlank() ? baseBlogUrl : !link.isBlank() ? link : title;
            key = key.replaceFirst("^https?://", "").replaceAll("/+$", "");
            return key.length() > 300 ? key.substring(0, 300) : key;
        }
    }

    record Author(String id, String login, String email, String displayName, String firstName, String lastName)
            implements Entry {
    }

    /**
     * A category, tag or other term declared in the header.
     *
     * @param taxonomy "category", "post_tag", or the custom taxonomy of a {@code wp:term}
     * @param parent   the parent's slug, or empty
     */
    record Term(String taxonomy, String id, String slug, String parent, String name, String description)
            implements Entry {
    }

    /** A term an item is filed under: {@code <category domain="category" nicename="news">News</category>}. */
    record ItemTerm(String domain, String slug, String name) {
    }

    record Meta(String key, String value) {
    }

    /** @param password the post's {@code wp:post_password}: WordPress showed the post only to readers who typed it */
    record Item(String title, String link, String creator, String guid, String content, String excerpt,
                String postId, String postDate, String postDateGmt, String modified, String modifiedGmt,
                String commentStatus, String postName, String status, String parent, String postType,
                boolean sticky, String attachmentUrl, String password, List<ItemTerm> terms, List<Meta> meta,
                List<Comment> comments, int line) implements Entry {

        String meta(String key) {
            for (Meta m : meta) {
                if (m.key().equals(key)) {
                    return m.value();
                }
            }
            return null;
        }

        List<ItemTerm> terms(String domain) {
            return terms.stream().filter(t -> t.domain().equals(domain)).toList();
        }
    }

    /** @param approved "1", "0", "hold", "spam", "trash" */
    record Comment(String id, String author, String email, String url, String ip, String date, String dateGmt,
                   String content, String approved, String type, String parent, Map<String, String> meta) {
    }
}
