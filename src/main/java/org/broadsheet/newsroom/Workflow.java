package org.broadsheet.newsroom;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffMail;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BadRequestException;
import org.springframework.stereotype.Service;

/**
 * The editorial workflow: draft → in review → scheduled → published → archived, and the ways back. Each
 * step names the permission it needs; submitting for review emails the editors.
 */
@Service
class Workflow {

    /** A step, with the label of its button. */
    enum Step {
        SUBMIT("Submit for review", StaffAction.SUBMIT_FOR_REVIEW),
        RETURN("Return to the writer", StaffAction.PUBLISH_ARTICLE),
        SCHEDULE("Schedule", StaffAction.PUBLISH_ARTICLE),
        PUBLISH("Publish now", StaffAction.PUBLISH_ARTICLE),
        UNSCHEDULE("Unschedule", StaffAction.PUBLISH_ARTICLE),
        UNPUBLISH("Unpublish", StaffAction.PUBLISH_ARTICLE),
        ARCHIVE("Take down", StaffAction.PUBLISH_ARTICLE),
        RESTORE("Put back online", StaffAction.PUBLISH_ARTICLE);

        final String label;
        final StaffAction needs;

        Step(String label, StaffAction needs) {
            this.label = label;
            this.needs = needs;
        }

        static Step parse(String name) {
            try {
                return Step.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("There is no workflow step \u201c" + name + "\u201d.");
            }
        }
    }

    private final ArticleEditor editor;
    private final ArticleService articles;
    private final AccountService accounts;
    private final StaffMail mail;
    private final SiteSettings settings;
    private final Clock clock;

    Workflow(ArticleEditor editor, ArticleService articles, AccountService accounts, StaffMail mail,
             SiteSettings settings, Clock clock) {
        this.editor = editor;
        this.articles = articles;
        this.accounts = accounts;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** The steps an article's status allows, whoever takes them. */
    static List<Step> from(ArticleStatus status) {
        switch (status) {
            case DRAFT:
                return List.of(Step.SUBMIT, Step.SCHEDULE, Step.PUBLISH);
            case IN_REVIEW:
                return List.of(Step.RETURN, Step.SCHEDULE, Step.PUBLISH);
            case SCHEDULED:
                return List.of(Step.SCHEDULE, Step.PUBLISH, Step.UNSCHEDULE);
            case PUBLISHED:
                return List.of(Step.UNPUBLISH, Step.ARCHIVE);
            case ARCHIVED:
                return List.of(Step.RESTORE, Step.ARCHIVE);
            default:
                return List.of();
        }
    }

    /** The steps this person may take on this article now. */
    List<Step> available(StaffUser user, Article a) {
        List<Step> out = new ArrayList<>();
        for (Step s : from(a.status())) {
            if (editor.allows(user, s.needs, a)) {
                out.add(s);
            }
        }
        return out;
    }

    Article apply(StaffUser user, long articleId, String stepName, int version, String publishAt, String redirect,
                  String baseUrl) {
        Article a = editor.load(articleId);
        Step step = Step.parse(stepName);
        editor.require(user, step.needs, a);
        if (!from(a.status()).contains(step)) {
            throw new BadRequestException("An article that is " + label(a.status()) + " cannot take the step \u201c" + step.label + "\u201d.");
        }
        // Whole seconds: the database keeps microseconds and may round up, which would put "now" in the future.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        switch (step) {
            case SUBMIT: {
                Article done = articles.changeStatus(a.id(), version, ArticleStatus.IN_REVIEW, a.publishedAt(), null);
                List<String> editors = accounts.editorEmails();
                if (!editors.isEmpty()) {
                    mail.send(editors, "For review: " + a.title(), user.displayName() + " submitted \u201c" + a.title()
                            + "\u201d for review.\n\nOpen it in the newsroom:\n" + baseUrl + "/newsroom/articles/" + a.id() + "/\n");
                }
                return done;
            }
            case RETURN:
            case UNSCHEDULE:
            case UNPUBLISH:
                return articles.changeStatus(a.id(), version, ArticleStatus.DRAFT, a.publishedAt(), null);
            case SCHEDULE: {
                OffsetDateTime at = parseTime(publishAt, a.publishedAt());
                if (at == null) {
                    throw new BadRequestException("Choose the date and time at which the article should go live.");
                }
                if (!at.isAfter(now)) {
                    throw new BadRequestException("The time to go live must be in the future; to publish now, use \u201cPublish now\u201d.");
                }
                return articles.changeStatus(a.id(), version, ArticleStatus.SCHEDULED, at.truncatedTo(ChronoUnit.MINUTES), null);
            }
            case PUBLISH:
            case RESTORE: {
                // An archived article that was never published (an imported private post) goes online with the
                // date it was written, as WordPress keeps a private post's date when it is made public.
                OffsetDateTime known = a.publishedAt() != null ? a.publishedAt()
                        : a.status() == ArticleStatus.ARCHIVED ? a.createdAt() : null;
                OffsetDateTime at = known != null && !known.isAfter(now) && a.status() != ArticleStatus.SCHEDULED
                        ? known : now;
                return articles.changeStatus(a.id(), version, ArticleStatus.PUBLISHED, at, null);
            }
            case ARCHIVE: {
                String target = redirect == null ? "" : redirect.strip();
                if (!target.isEmpty() && !target.startsWith("/") && !target.matches("(?i)https?://\\S+")) {
                    throw new BadRequestException("The new address must start with / or http(s)://.");
                }
                return articles.changeStatus(a.id(), version, ArticleStatus.ARCHIVED, a.publishedAt(), target);
            }
            default:
                throw new BadRequestException("Unknown step.");
        }
    }

    private OffsetDateTime parseTime(String value, OffsetDateTime fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String problem = PublishTime.problem(value);
        if (problem != null) {
            throw new BadRequestException(problem);
        }
        return PublishTime.parse(value, settings.current().timeZone());
    }

    static String label(ArticleStatus s) {
        switch (s) {
            case DRAFT:
                return "a draft";
            case IN_REVIEW:
                return "in review";
            case SCHEDULED:
                return "scheduled";
            case PUBLISHED:
                return "published";
            default:
                return "taken down";
        }
    }
}
