package org.broadsheet.site;

import org.springframework.context.ApplicationContext;

/** The page chrome a request to the running application gets, for benchmarks outside a request. */
public final class RequestChrome {

    private RequestChrome() {
    }

    public static Chrome of(ApplicationContext app) {
        return app.getBean(SiteChrome.class).current();
    }
}
