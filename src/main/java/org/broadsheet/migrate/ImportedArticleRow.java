package org.broadsheet.migrate;

import static org.broadsheet.migrate.WxrFields.clip;
import static org.broadsheet.migrate.WxrFields.date;
import static org.broadsheet.migrate.WxrFields.status;
import static org.broadsheet.migrate.WxrFields.text;
import static org.broadsheet.migrate.WxrFields.title;
import static org.broadsheet.migrate.WxrFields.translationGroup;

import java.time.OffsetDateTime;

import org.broadsheet.article.ArticleStatus;

/** The article row a converted post or page becomes: its texts, status and dates as Broadsheet keeps them. */
final class ImportedArticleRow {

    private ImportedArticleRow() {
    }

    /**
     * @param slug the article's slug (see {@link ArticleSlugs})
     * @param lead the lead image's media id, or null when it is not known yet
     * @param now  the import's time: a published post without a date is published now
     */
    static ImportStore.ArticleRow of(ImportRun.Converted c, String slug, Long lead, OffsetDateTime now, ImportReport report) {
        Wxr.Item item = c.item();
        OffsetDateTime written = date(item.postDateGmt(), item.postDate());
        OffsetDateTime modified = date(item.modifiedGmt(), item.modified());
        ArticleStatus status = status(item.status());
        if (!item.password().isEmpty() && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED)) {
            // Broadsheet has no password-protected articles: publishing one would show everyone what WordPress
            // showed only to readers who knew the password.
            status = ArticleStatus.ARCHIVED;
            report.tally("password-protected (archived)");
            report.warn(item.postType() + " " + item.postId() + " (\"" + clip(title(item), 60) + "\") was protected by a password in "
                    + "WordPress; it is imported archived, not shown to readers: publish it in the newsroom if it may be public");
        }
        // A private, trashed or password-protected post was never public here: archived without a publication
        // date, so that its address answers 404 as a draft's does, not 410 "withdrawn by the editors". Its date
        // stays as the date it was written, which putting it online uses.
        OffsetDateTime published = status == ArticleStatus.ARCHIVED ? null : written;
        if (status == ArticleStatus.PUBLISHED && published == null) {
            published = now;
        }
        return new ImportStore.ArticleRow(slug, c.language(), clip(title(item), 500),
                clip(text(item.excerpt()), 2000), c.markdown(), c.html(), status.name(), published,
                modified != null ? modified : written != null ? written : now,
                written != null ? written : published != null ? published : now, lead, translationGroup(item),
                item.sticky(), !"closed".equals(item.commentStatus()));
    }
}
