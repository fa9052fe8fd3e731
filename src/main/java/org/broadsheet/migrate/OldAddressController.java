package org.broadsheet.migrate;

import org.broadsheet.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * WordPress's plain addresses, {@code /?p=123}, {@code /?page_id=7} and {@code /?attachment_id=9}: 301 to the
 * imported article (an attachment's: its article, else its copied file). Mapped with parameter conditions, which
 * Spring prefers to the front page's plain "/" mapping; each excludes the ones before it, so that an address
 * with several ({@code /?p=1&page_id=2}) has one handler, as in WordPress, where {@code p} wins.
 */
@Controller
class OldAddressController {

    private final Redirects redirects;

    OldAddressController(Redirects redirects) {
        this.redirects = redirects;
    }

    @GetMapping(value = "/", params = "p")
    RedirectView post(@RequestParam("p") String id) {
        return moved("/?p=" + id);
    }

    @GetMapping(value = "/", params = {"page_id", "!p"})
    RedirectView page(@RequestParam("page_id") String id) {
        return moved("/?page_id=" + id);
    }

    @GetMapping(value = "/", params = {"attachment_id", "!p", "!page_id"})
    RedirectView attachment(@RequestParam("attachment_id") String id) {
        return moved("/?attachment_id=" + id);
    }

    private RedirectView moved(String oldPath) {
        String target = redirects.target(oldPath)
                .orElseThrow(() -> new NotFoundException("No published article has this old address."));
        RedirectView view = new RedirectView(target);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return view;
    }
}
