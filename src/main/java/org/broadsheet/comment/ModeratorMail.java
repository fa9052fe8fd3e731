package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.StaffMail;
import org.broadsheet.article.ArticleService;
import org.broadsheet.site.SiteUrls;
import org.springframework.stereotype.Component;

/**
 * Emails the moderators named in the discussion settings about a comment awaiting moderation and, when the
 * settings say so, the article's authors who have a staff account. Each person gets one message of their own
 * (nobody sees the others' addresses), even when they are both a moderator and an author. Sent through the
 * newsroom's {@link StaffMail}: without a mail server it is logged; a failure to send is never fatal.
 */
@Component
class ModeratorMail {

    private final StaffMail mail;
    private final AccountService accounts;
    private final ArticleService articles;
    private final SiteUrls urls;

    ModeratorMail(StaffMail mail, AccountService accounts, ArticleService articles, SiteUrls urls) {
        this.mail = mail;
        this.accounts = accounts;
        this.articles = articles;
        this.urls = urls;
    }

    void awaitingModeration(long id, CommentService.Target target, String name, String text, DiscussionSettings.Settings s) {
        List<String> to = recipients(target.articleId(), s);
        if (to.isEmpty()) {
            return;
        }
        mail.send(to, "Comment awaiting moderation: " + name, name + " commented on " + target.absoluteUrl() + "\n\n"
                // An email needs the whole address: without broadsheet.base-url, the one the comment was posted to.
                + text + "\n\nModerate it: " + urls.absolute("/newsroom/comments/?status=PENDING#c" + id) + "\n");
    }

    /** Moderators, then the article's authors if asked; one entry per address, whatever its letter case. */
    List<String> recipients(long articleId, DiscussionSettings.Settings s) {
        List<String> all = new ArrayList<>(s.moderatorEmails());
        if (s.notifyAuthors()) {
            all.addAll(accounts.emailsOfAuthors(articles.links(articleId).authorIds()));
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String address : all) {
            unique.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip());
        }
        return List.copyOf(unique.values());
    }
}
