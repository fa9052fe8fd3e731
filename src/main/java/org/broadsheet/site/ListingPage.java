package org.broadsheet.site;

import java.util.List;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.author.Author;
import org.broadsheet.support.PageOf;
import org.broadsheet.taxonomy.Section;

/**
 * A paginated list of articles under a heading: a section, a tag, an author or a month.
 *
 * @param kind        what the list is of ("Section", "Tag", "Author", "Archive") shown above the heading
 * @param trail       for nested sections, the parents
 * @param author      for author pages, the profile shown before the articles; else null
 * @param subsections sections below this one, linked from a section page
 * @param basePath    the list's address without page parameter, for pagination links
 */
public record ListingPage(PageHead head, String kind, String heading, String description, List<Section.Crumb> trail,
                          Author author, List<Section> subsections, PageOf<ArticleSummary> articles, String basePath) {

    public String pageUrl(int number) {
        return number <= 1 ? basePath : basePath + "?page=" + number;
    }
}
