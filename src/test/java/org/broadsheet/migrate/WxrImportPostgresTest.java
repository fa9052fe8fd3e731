package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.testing.OnPostgres;
import org.junit.jupiter.api.Test;

/** The crafted-export tests again on PostgreSQL: the import's SQL, batches and migrations V40–V42 there. */
@OnPostgres
class WxrImportPostgresTest extends WxrImportBehaviourTest {

    /** PostgreSQL has no write delay: the import neither reads nor sets one, and the start-up repair leaves it be. */
    @Override
    @Test
    void h2WritesLessOftenOnlyWhileAnImportRuns() {
        assertThat(store.h2WriteDelay()).isNull();
        assertThat(importText(Wxr.site(Wxr.item(90, "One", "one", "publish", "post", "Text", ""))).state())
                .isEqualTo(ImportReport.State.FINISHED);
        H2WriteDelay.repairAfterKilledImport(store);
        assertThat(store.h2WriteDelay()).isNull();
    }
}
