package org.broadsheet.site;

import java.util.List;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.support.PageOf;
import org.broadsheet.taxonomy.Section;

/**
 * The front page: the featured article, the latest, and a block per top-level section. Later pages of the
 * front page list only the latest articles.
 */
public record HomePage(PageHead head, ArticleSummary featured, PageOf<ArticleSummary> latest, List<SectionBlock> sections) {

    public record SectionBlock(Section section, List<ArticleSummary> articles) {
    }
}
