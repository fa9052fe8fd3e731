package org.broadsheet.newsroom;

import java.util.List;

/** The short form that starts a draft. */
public record NewArticlePage(List<Option> languages, String defaultLanguage) {
}
