package org.broadsheet.testing;


import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Fetches a page through MockMvc and parses it with jsoup, as a reader's browser would see it. */
public final class Html {

    private Html() {
    }

    /** GETs the path, checks the status, and returns the parsed page. */
    public static Document get(MockMvc mvc, String path, int expectedStatus) throws Exception {
        MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
                .andReturn().getResponse();
        if (response.getStatus() != expectedStatus) {
            throw new AssertionError("GET " + path + " answered " + response.getStatus() + ", expected " + expectedStatus);
        }
        response.setCharacterEncoding("UTF-8");
        return Jsoup.parse(response.getContentAsString(), "http://localhost" + path);
    }

    public static Document get(MockMvc mvc, String path) throws Exception {
        return get(mvc, path, 200);
    }
}
