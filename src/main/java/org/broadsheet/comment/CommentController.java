package org.broadsheet.comment;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.site.PageHead;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.support.PageOf;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Posting comments without JavaScript: {@code POST {article}comments}, then a redirect to the comment's anchor
 * on the discussion page that shows it, or to a notice that it is held (showing the commenter their own text). Also the reply page (a form under
 * the comment being answered) and further pages of a long discussion.
 */
@Controller
class CommentController {

    private static final String ARTICLE = "/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}/";

    private final CommentService comments;
    private final ArticleService articles;
    private final DiscussionSettings discussionSettings;
    private final SiteSettings siteSettings;
    private final SiteUrls urls;
    private final java.time.Clock clock;

    CommentController(CommentService comments, ArticleService articles, DiscussionSettings discussionSettings,
                      SiteSettings siteSettings, SiteUrls urls, java.time.Clock clock) {
        this.clock = clock;
        this.comments = comments;
        this.articles = articles;
        this.discussionSettings = discussionSettings;
        this.siteSettings = siteSettings;
        this.urls = urls;
    }

    @PostMapping(ARTICLE + "comments")
    String post(@PathVariable int year, @PathVariable int month, @PathVariable int day, @PathVariable String slug,
                @RequestParam(required = false) String name, @RequestParam(required = false) String email,
                @RequestParam(required = false) String url, @RequestParam(required = false) String text,
                @RequestParam(required = false) String parent, @RequestParam(required = false) String token,
                @RequestParam(required = false) String website, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Article article = article(year, month, day, slug);
        String articleUrl = articleUrl(article);
        CommentForm form = new CommentForm(name, email, url, text, parent, token, website);
        String staffEmail = staffEmail(request);
        CommentService.Target target = new CommentService.Target(article.id(), articleUrl, urls.absolute(articleUrl),
                article.language(), CommentService.isOpen(discussionSettings.current(), article.commentsOpen(), article.publishedAt()));
        CommentService.Sender sender = new CommentService.Sender(request.getRemoteAddr(), request.getHeader("User-Agent"),
                request.getHeader("Referer"), staffEmail);
        try {
            CommentService.Posted posted = comments.post(target, form, sender);
            if (posted.status() == CommentStatus.APPROVED) {
                return "redirect:" + anchor(article, articleUrl, posted.id());
            }
            // Held: from now on this reader bypasses the page cache for a day and sees pages made for them.
            Cookie fresh = new Cookie(PageDependencies.FRESH_COOKIE, "1");
            fresh.setPath("/");
            fresh.setMaxAge(24 * 60 * 60);
            fresh.setHttpOnly(true);
            fresh.setAttribute("SameSite", "Lax");
            response.addCookie(fresh);
            return "redirect:" + articleUrl + "comments/" + posted.id() + "/held?sig=" + comments.heldSignature(posted.id());
        } catch (CommentRejected rejected) {
            response.setStatus(rejected.status);
            if (rejected.retryAfter != null) {
                response.setHeader("Retry-After", String.valueOf(rejected.retryAfter.toSeconds()));
            }
            String heading = rejected.status == 429 ? "Please wait before commenting again"
                    : rejected.status == 403 ? "Comments are closed" : "Your comment needs a change";
            if (rejected.status == 403) {
                // The page the reader wrote on may have shown the form before the discussion closed (a cached page
                // or an open tab): what they wrote is shown back so that it is not lost.
                boolean wrote = !form.text().isEmpty();
                return show(model, article, articleUrl, heading, rejected.getMessage()
                        + (wrote ? " This is what you wrote, so that you can keep it:" : ""), null, null,
                        wrote ? CommentText.toHtml(form.text()) : null);
            }
            CommentFormView formView = CommentFormView.of(articleUrl, comments.freshToken(article.id()), form,
                    staffEmail == null ? null : StaffPoster.currentName(),
                    "Your comment", rejected.problems, discussionSettings.current().retentionDays());
            return show(model, article, articleUrl, heading, null, null, formView, null);
        }
    }

    @GetMapping(ARTICLE + "comments/reply")
    String reply(@PathVariable int year, @PathVariable int month, @PathVariable int day, @PathVariable String slug,
                 @RequestParam(name = "to") long parentId, HttpServletRequest request, Model model) {
        Article article = article(year, month, day, slug);
        String articleUrl = articleUrl(article);
        CommentService.Discussion discussion = comments.discussion(article.id(), articleUrl, article.commentsOpen(), article.publishedAt());
        CommentView parent = comments.find(parentId)
                .filter(c -> c.articleId() == article.id() && c.status() == CommentStatus.APPROVED)
                .map(c -> new CommentView(c.id(), c.authorName(), CommentService.webAddressOrNull(c.authorUrl()),
                        CommentText.toHtml(c.body()), c.createdAt(), 0, List.of(), null, c.userId() != null))
                .orElseThrow(() -> new NotFoundException("That comment is not shown under this article."));
        if (!discussion.open()) {
            return show(model, article, articleUrl, "Comments are closed", "This discussion no longer takes replies.",
                    parent, null, null);
        }
        CommentFormView form = CommentFormView.of(articleUrl, discussion.formToken(), CommentForm.blank(parentId),
                discussion.staffName(), "Reply to " + parent.authorName(), List.of(), discussion.retentionDays());
        return show(model, article, articleUrl, "Reply to " + parent.authorName(), null, parent, form, null);
    }

    /**
     * A comment's lasting address: sends the reader to the discussion page that shows it now (which page depends on
     * the order and page size the settings give, and on the comments since), so links to it can be made without
     * working that out. Only approved comments of this article are found.
     */
    @GetMapping(ARTICLE + "comments/{id:\\d+}/")
    String shown(@PathVariable int year, @PathVariable int month, @PathVariable int day, @PathVariable String slug,
                 @PathVariable long id) {
        Article article = article(year, month, day, slug);
        comments.find(id).filter(c -> c.articleId() == article.id() && c.status() == CommentStatus.APPROVED)
                .orElseThrow(() -> new NotFoundException("That comment is not shown under this article."));
        return "redirect:" + anchor(article, articleUrl(article), id);
    }

    @GetMapping(ARTICLE + "comments/{id:\\d+}/held")
    String held(@PathVariable int year, @PathVariable int month, @PathVariable int day, @PathVariable String slug,
                @PathVariable long id, @RequestParam(required = false) String sig, Model model) {
        Article article = article(year, month, day, slug);
        CommentRepository.CommentRow row = comments.heldComment(id, sig)
                .filter(c -> c.articleId() == article.id())
                .orElseThrow(() -> new NotFoundException("There is no held comment at this address."));
        String articleUrl = articleUrl(article);
        if (row.status() == CommentStatus.APPROVED) {
            return "redirect:" + anchor(article, articleUrl, id);
        }
        return show(model, article, articleUrl, "Your comment is awaiting moderation",
                "Thank you. A moderator will read your comment before it appears under the article. This is what you wrote:",
                null, null, CommentText.toHtml(row.body()));
    }

    @GetMapping(ARTICLE + "comments/")
    String page(@PathVariable int year, @PathVariable int month, @PathVariable int day, @PathVariable String slug,
                @RequestParam(required = false) String page, Model model) {
        Article article = article(year, month, day, slug);
        // The page cache keeps further pages of a discussion too: they must go when one of its comments changes.
        PageDependencies.record(PageDependencies.article(article.id()));
        String articleUrl = articleUrl(article);
        int number = PageOf.parseNumber(page);
        DiscussionSettings.Settings s = discussionSettings.current();
        CommentService.Discussion d = comments.discussionPage(article.id(), articleUrl,
                CommentService.isOpen(s, article.commentsOpen(), article.publishedAt()), number, s);
        if (number > d.totalPages()) {
            throw new NotFoundException("This discussion has " + d.totalPages() + " page(s); there is no page " + number + ".");
        }
        SiteSettings.Settings site = siteSettings.current();
        model.addAttribute("page", new CommentPostPage(
                PageHead.simple("Comments (page " + number + ") — " + article.title() + " — " + site.title(), article.title(),
                        urls.absolute(articleUrl + "comments/?page=" + number), article.language()),
                article.title(), articleUrl, d.count() + " comments, page " + number + " of " + d.totalPages(), null, null,
                d.open() ? d.form() : null, null, d.thread(),
                number > 1 ? articleUrl + "comments/?page=" + (number - 1) : null, d.nextPageUrl()));
        return "comment/post";
    }

    /** The comment's anchor on the discussion page that shows it, which is not always the article page. */
    private String anchor(Article article, String articleUrl, long commentId) {
        return CommentLinks.anchor(articleUrl, comments.pageHolding(article.id(), commentId), commentId);
    }

    private String show(Model model, Article article, String articleUrl, String heading, String message,
                        CommentView parent, CommentFormView form, String ownText) {
        SiteSettings.Settings s = siteSettings.current();
        PageHead head = PageHead.simple(heading + " — " + s.title(), article.title(), "", article.language()).withNoindex();
        model.addAttribute("page", new CommentPostPage(head, article.title(), articleUrl, heading, message, parent, form,
                ownText, null, null, null));
        return "comment/post";
    }

    private Article article(int year, int month, int day, String slug) {
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new NotFoundException("There is no such date as " + year + "-" + month + "-" + day + ".");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Article article = articles.findBySlug(slug)
                .filter(a -> a.isPublicAt(now))
                .orElseThrow(() -> new NotFoundException("No article was published at this address."));
        if (!articleUrl(article).equals(ArticleUrls.of(date, slug))) {
            throw new NotFoundException("No article was published at this address.");
        }
        return article;
    }

    private String articleUrl(Article article) {
        return ArticleUrls.of(article.publishedAt(), article.slug(), siteSettings.current().timeZone());
    }

    /**
     * The signed-in staff member's email, only for same-origin requests: the comment form carries no session
     * CSRF token (see {@link FormTokens}), so a form on another site must not be able to post as an editor.
     */
    private static String staffEmail(HttpServletRequest request) {
        return sameOrigin(request) || "GET".equals(request.getMethod()) ? StaffPoster.currentEmail() : null;
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String source = Optional.ofNullable(request.getHeader("Origin")).orElse(request.getHeader("Referer"));
        if (source == null || source.isBlank() || "null".equals(source)) {
            return false;
        }
        try {
            URI uri = URI.create(source);
            int port = uri.getPort() == -1 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port
                    && request.getScheme().equalsIgnoreCase(uri.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
