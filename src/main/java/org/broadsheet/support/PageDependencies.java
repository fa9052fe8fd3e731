package org.broadsheet.support;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the page being rendered shows, so that the page cache can drop exactly the pages a change touches.
 * Code that puts something on a page records its key here ({@code article:42}, {@code list:section:7});
 * outside a web request recording does nothing. The keys are request attributes, read by the cache after
 * the page is rendered.
 */
public final class PageDependencies {

    public static final String ATTRIBUTE = PageDependencies.class.getName();

    /**
     * A cookie that makes the page cache pass a reader by: set for a reader whose comment awaits
     * moderation, so that they see pages made for them (with their held comment's notice) for a day.
     */
    public static final String FRESH_COOKIE = "bs_fresh";

    /** Lists that every new article may join: the front page, date archives, site feeds and sitemaps. */
    public static final String ALL_LISTS = "list:all";

    private PageDependencies() {
    }

    public static String article(long id) {
        return "article:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String sectionList(long sectionId) {
        return "list:section:" + sectionId;
    }

    public static String tagList(long tagId) {
        return "list:tag:" + tagId;
    }

    public static String authorList(long authorId) {
        return "list:author:" + authorId;
    }

    public static void record(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> keys = (Set<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (keys == null) {
            keys = new LinkedHashSet<>();
            request.setAttribute(ATTRIBUTE, keys, RequestAttributes.SCOPE_REQUEST);
        }
        keys.add(key);
    }

    public static void recordAll(Iterable<String> keys) {
        keys.forEach(PageDependencies::record);
    }
}
