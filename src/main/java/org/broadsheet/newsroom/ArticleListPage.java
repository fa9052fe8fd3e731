package org.broadsheet.newsroom;

import java.util.List;

/** The newsroom's article list with its filters. */
public record ArticleListPage(List<Row> rows, long total, int pageNumber, int pages, String status, String authorId,
                              String sectionId, String language, String query, List<Option> statuses,
                              List<Option> authors, List<Option> sections, List<Option> languages,
                              boolean canWrite, String previousUrl, String nextUrl) {

    /** One article of the list. */
    public record Row(long id, String title, String status, String statusLabel, String authors, String language,
                      String updated, String editUrl) {
    }
}
