package org.broadsheet.newsroom;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.springframework.stereotype.Service;

/** Keeps a revision of an article's text on every save, to compare and restore. */
@Service
class Revisions {

    private final RevisionRepository repository;
    private final Clock clock;

    Revisions(RevisionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records the saved article. An autosave right after an autosave by the same person updates that
     * revision instead of adding one, so that typing for an hour leaves one revision, not seven hundred.
     */
    void record(Article a, StaffUser by, boolean autosave) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Revision> last = repository.latest(a.id());
        if (autosave && last.isPresent() && last.get().autosave() && by != null
                && Long.valueOf(by.id()).equals(last.get().savedBy())) {
            repository.replace(last.get().id(), a.version(), a.title(), a.standfirst(), a.bodyMd(), now);
            return;
        }
        if (!autosave && last.isPresent() && last.get().title().equals(a.title())
                && last.get().standfirst().equals(a.standfirst()) && last.get().bodyMd().equals(a.bodyMd())
                && !last.get().autosave()) {
            return;
        }
        repository.insert(a.id(), a.version(), a.title(), a.standfirst(), a.bodyMd(), by == null ? null : by.id(),
                by == null ? "System" : by.displayName(), autosave, now);
    }

    List<Revision> of(long articleId) {
        return repository.of(articleId);
    }

    Optional<Revision> find(long articleId, long revisionId) {
        return repository.find(revisionId).filter(r -> r.articleId() == articleId);
    }

    /** The diff of title, standfirst and text, as one list with the title and standfirst first. */
    static List<LineDiff.Line> diff(String titleA, String standfirstA, String bodyA, String titleB, String standfirstB, String bodyB) {
        return LineDiff.of("# " + titleA + "\n\n" + standfirstA + "\n\n" + bodyA, "# " + titleB + "\n\n" + standfirstB + "\n\n" + bodyB);
    }
}
