package org.broadsheet.migrate;

import static org.broadsheet.migrate.WxrFields.pathOf;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.web.util.UriUtils;

/**
 * The old addresses an import records in {@code redirect}, for {@link Redirects} to answer: a post's or page's
 * permalink and {@code /?p=ID} lead to its article; a copied upload's address ({@code /wp-content/uploads/…})
 * to the copy; an attachment's page ({@code <link>}, {@code /?attachment_id=ID}) to the article it belongs to,
 * else to the copy. Targets are always this site's own: an attachment whose file was not copied keeps its
 * original address in the media row and gets no redirect to it, so that a crafted export cannot make the site
 * send readers elsewhere.
 * <p>
 * An item's own addresses (its permalink, {@code /?p=} its own id) always beat a {@code /?…} path that another
 * item's GUID names: WordPress keeps a post's GUID when the post is copied or re-created under a new id, so a GUID
 * can name a different post's id, and WordPress itself answers {@code /?p=ID} with the post whose id it is.
 */
final class RedirectRows {

    private static final int MAX_WAITING = 20_000;

    private final ImportStore store;
    private final ImportReport report;
    private final OffsetDateTime now;
    private final Set<String> known;
    /**
     * The paths this run claimed, and whether as an item's own address (true) or from a GUID (false); a path in
     * {@link #known} but not here was in the database before this run.
     */
    private final Map<String, Boolean> claimed = new HashMap<>();
    private final Map<String, Object[]> pending = new LinkedHashMap<>();
    /** Attachment pages whose article has not been written yet: it may come later in the file. */
    private final List<AttachmentPage> waiting = new ArrayList<>();
    /** The old site's permalink structure, as its published posts' links show it. */
    private final PermalinkStructure structure = new PermalinkStructure();
    /** Published or scheduled posts that the export gives no pretty permalink: theirs waits for the structure. */
    private final List<Unlinked> unlinked = new ArrayList<>();

    private record Unlinked(long articleId, Map<String, String> fields) {
    }

    /** @param paths each old path, and whether it is the item's own (true) or its GUID's (false) */
    private record AttachmentPage(Map<String, Boolean> paths, String parent, String file) {
    }

    RedirectRows(ImportStore store, ImportReport report, OffsetDateTime now) {
        this.store = store;
        this.report = report;
        this.now = now;
        this.known = store.redirectPaths();
    }

    /** A post's or page's old addresses. */
    void article(Wxr.Item item, long articleId) {
        Map<String, Boolean> paths = new LinkedHashMap<>();
        guidPath(item, paths);
        String permalink = pathOf(item.link());
        if (permalink != null && !permalink.equals("/")) {
            paths.put(permalink, true);
        }
        boolean pretty = permalink != null && !permalink.equals("/") && !permalink.contains("?");
        if ("post".equals(item.postType())) {
            String status = item.status() == null ? "" : item.status().strip();
            if (pretty && "publish".equals(status)) {
                structure.learn(item, permalink);
            } else if (!pretty && ("publish".equals(status) || "future".equals(status))
                    && !item.postName().isBlank() && unlinked.size() < MAX_WAITING) {
                unlinked.add(new Unlinked(articleId, PermalinkStructure.fields(item)));
            }
        }
        if (!item.postId().isBlank()) {
            paths.put(("page".equals(item.postType()) ? "/?page_id=" : "/?p=") + item.postId(), true);
            paths.put("/?p=" + item.postId(), true);
        }
        paths.forEach((path, own) -> claim(path, articleId, null, own));
    }

    /** The GUID's plain address ({@code /?p=12}), a weaker claim than the item's own: put first, for its own to replace. */
    private static void guidPath(Wxr.Item item, Map<String, Boolean> paths) {
        String guid = pathOf(item.guid());
        if (guid != null && guid.startsWith("/?")) {
            paths.put(guid, false);
        }
    }

    /**
     * An attachment's old addresses: its file's, when the file was copied, and its page's, which wait for the
     * article it belongs to.
     *
     * @param oldFilePath the path the old site served the file at, or null
     * @param copy        the copy's address on this site, or null when the file was not copied
     */
    void attachment(Wxr.Item item, String oldFilePath, String copy) {
        String file = copy == null ? null : UriUtils.encodePath(copy, StandardCharsets.UTF_8);
        if (copy != null && oldFilePath != null) {
            file(oldFilePath, copy);
        }
        Map<String, Boolean> paths = new LinkedHashMap<>();
        guidPath(item, paths);
        String link = pathOf(item.link());
        if (link != null && !link.equals("/") && !link.equals(oldFilePath)) {
            paths.put(link, true);
        }
        if (!item.postId().isBlank()) {
            paths.put("/?attachment_id=" + item.postId(), true);
            paths.put("/?p=" + item.postId(), true);
        }
        String parent = item.parent().isBlank() || "0".equals(item.parent()) ? null : item.parent();
        AttachmentPage page = new AttachmentPage(paths, parent, file);
        if (parent == null || waiting.size() >= MAX_WAITING) {
            // Nothing to wait for; or too much waiting already, and an attachment page that leads to its file
            // beats one that waits until the end of a huge import.
            place(page, null);
        } else {
            waiting.add(page);
        }
    }

    /**
     * Gives the posts the export named only by their {@code post_name} (a scheduled post's link is {@code /?p=ID};
     * some exports have no {@code <link>}) the address the old site's permalink structure gave them, once the
     * whole file has shown that structure ({@link PermalinkStructure}). Such an address is a weaker claim than any
     * item's own link, as a GUID's is: it never takes an address another post's link names.
     *
     * @param wholeFile false when reading stopped at an error: a post not read may contradict the structure, so
     *                  nothing is rebuilt (running the import again on the whole file does it)
     */
    void unlinkedPosts(boolean wholeFile) {
        if (unlinked.isEmpty() || !wholeFile) {
            unlinked.clear();
            return;
        }
        int rebuilt = 0;
        for (Unlinked post : unlinked) {
            String address = structure.addressOf(post.fields());
            if (address != null) {
                claim(address, post.articleId(), null, false);
                rebuilt++;
            }
        }
        // A site whose posts all have plain addresses in the export most likely had no other: nothing to say.
        if (structure.showsPrettyLinks()) {
            String known = structure.known();
            String posts = unlinked.size() + (unlinked.size() == 1 ? " post" : " posts")
                    + " exported without a pretty permalink (a scheduled post's is /?p=ID)";
            String given = " the old address the site's permalink structure" + (known == null ? "" : " (" + known + ")")
                    + " made for " + (unlinked.size() == 1 ? "it" : "them");
            if (rebuilt == unlinked.size()) {
                report.note(posts + ": given" + given);
            } else if (rebuilt == 0) {
                report.note(posts + ": kept only /?p=ID, since" + given + " cannot be rebuilt: " + structure.unknownBecause());
            } else {
                report.note(posts + ": " + rebuilt + " given" + given + "; the others kept only /?p=ID, as "
                        + structure.unknownBecause());
            }
        }
        unlinked.clear();
    }

    /** A copied file's old address, to its copy here ({@code /media/…}, not yet encoded). */
    void file(String oldPath, String copy) {
        claim(oldPath, null, UriUtils.encodePath(copy, StandardCharsets.UTF_8), true);
    }

    /**
     * Places the attachment pages whose article is known now; with {@code last}, all of them, each to its
     * file when its article never came.
     */
    void attachmentPages(Function<String, Long> articleByWpId, boolean last) {
        for (Iterator<AttachmentPage> it = waiting.iterator(); it.hasNext(); ) {
            AttachmentPage page = it.next();
            Long articleId = articleByWpId.apply(page.parent());
            if (articleId != null || last) {
                place(page, articleId);
                it.remove();
            }
        }
    }

    /** The article's address while it is published, else the file's; neither: no redirect. */
    private void place(AttachmentPage page, Long articleId) {
        if (articleId != null || page.file() != null) {
            page.paths().forEach((path, own) -> claim(path, articleId, page.file(), own));
        }
    }

    /**
     * @param own the item's own address; a GUID's path ({@code own} false) never replaces an own address, whether
     *            this run claimed it or an earlier one did (the database keeps no strength, so a GUID's path only
     *            fills a path that was free before this run or that only GUIDs claimed in it)
     */
    private void claim(String path, Long articleId, String target, boolean own) {
        if (path.length() > 1000 || (target != null && target.length() > 2000)) {
            return;
        }
        Boolean earlier = claimed.get(path);
        if (!own && (Boolean.TRUE.equals(earlier) || (earlier == null && known.contains(path)))) {
            return;
        }
        claimed.put(path, own);
        if (known.add(path) || pending.containsKey(path)) {
            // A later item claiming the same old address wins, as it would on a second run.
            pending.put(path, new Object[] {path, articleId, target, now});
        } else {
            store.putRedirect(path, articleId, target, now);
        }
        report.tally("redirects");
    }

    /** Hands the new rows of the batch to its JDBC batch. */
    void flushInto(ImportStore.Pending batch) {
        batch.redirects.addAll(pending.values());
        pending.clear();
    }
}
