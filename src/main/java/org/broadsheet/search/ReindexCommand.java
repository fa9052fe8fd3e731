package org.broadsheet.search;

import java.io.PrintStream;
import java.util.List;

import org.broadsheet.support.CliCommand;
import org.broadsheet.support.CommandSyntax;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar reindex}: rebuilds this node's search index from the database. Run it with
 * the node stopped (the running server holds the index's write lock).
 */
@Component
class ReindexCommand implements CliCommand {

    private final LuceneSearchEngine engine;
    private final ArticleIndexer indexer;

    ReindexCommand(LuceneSearchEngine engine, ArticleIndexer indexer) {
        this.engine = engine;
        this.indexer = indexer;
    }

    @Override
    public String name() {
        return "reindex";
    }

    /** Listed in META-INF/spring.factories: the launcher checks the arguments before the database starts. */
    static final class Syntax implements CommandSyntax {

        @Override
        public String name() {
            return "reindex";
        }

        @Override
        public String summary() {
            return "rebuild the search index from the database";
        }

        @Override
        public int check(List<String> args, PrintStream err) {
            if (!args.isEmpty()) {
                // Refused rather than ignored: "reindex FILE" would otherwise look as if it had used FILE.
                err.println("Usage: reindex (it takes no arguments; got " + String.join(" ", args) + ")");
                return 2;
            }
            return 0;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int refused = new Syntax().check(args, err);
        if (refused != 0) {
            return refused;
        }
        try {
            engine.open();
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            err.println("The search index at " + engine.path() + " is in use: stop the server on this data directory first.");
            return 1;
        }
        long started = System.nanoTime();
        long count = indexer.rebuild();
        out.printf("Indexed %d articles into %s in %.1f s%n", count, engine.path(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
