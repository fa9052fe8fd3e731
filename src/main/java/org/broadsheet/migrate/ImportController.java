package org.broadsheet.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.newsroom.NewsroomChrome;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The newsroom's WordPress import, for administrators: an upload form at {@code /newsroom/import/} and a
 * progress page per import that reloads itself until the import ends, then shows the report.
 */
@Controller
class ImportController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ImportJobs jobs;
    private final SiteSettings settings;
    private final BroadsheetProperties properties;
    private final ObjectProvider<ResourceUrlProvider> resourceUrls;

    /** The resource URL provider exists only when serving the site, not when the jar runs a command. */
    ImportController(ImportJobs jobs, SiteSettings settings, BroadsheetProperties properties,
                     ObjectProvider<ResourceUrlProvider> resourceUrls) {
        this.jobs = jobs;
        this.settings = settings;
        this.properties = properties;
        this.resourceUrls = resourceUrls;
    }

    @GetMapping("/newsroom/import/")
    String form(Authentication auth, HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        if (!administrator(auth, response)) {
            return null;
        }
        model.addAttribute("page", new ImportPages.Form(chrome(auth, request),
                jobs.recent().stream().map(ImportController::view).toList(), "2 GB"));
        return "migrate/import";
    }

    @PostMapping("/newsroom/import/")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Authentication auth,
                  HttpServletResponse response) throws IOException {
        if (!administrator(auth, response)) {
            return null;
        }
        if (file == null || file.isEmpty()) {
            throw new BadRequestException("Choose a WordPress export file (.xml) to import.");
        }
        Path dir = properties.dataDir().resolve("tmp");
        Files.createDirectories(dir);
        Path upload = Files.createTempFile(dir, "import-", ".xml");
        file.transferTo(upload);
        String name = file.getOriginalFilename() == null ? "export.xml" : Path.of(file.getOriginalFilename()).getFileName().toString();
        ImportJobs.Job job = jobs.start(upload, name, auth.getName());
        return "redirect:/newsroom/import/" + job.id() + "/";
    }

    @GetMapping("/newsroom/import/{id}/")
    String progress(@PathVariable String id, Authentication auth, HttpServletRequest request, HttpServletResponse response,
                    Model model) throws IOException {
        if (!administrator(auth, response)) {
            return null;
        }
        ImportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("There is no import with this address."));
        model.addAttribute("page", new ImportPages.Progress(chrome(auth, request), view(job)));
        return "migrate/progress";
    }

    /** Only administrators import; everyone else gets the 403 page. */
    private static boolean administrator(Authentication auth, HttpServletResponse response) throws IOException {
        boolean admin = auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority()));
        if (!admin) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
        return admin;
    }

    static ImportPages.JobView view(ImportJobs.Job job) {
        ImportReport r = job.report();
        return new ImportPages.JobView(job.id(), job.fileName(), job.startedBy(), TIME.format(job.startedAt()),
                r.state().name(), r.percent(), r.items(), Math.round(r.items() / r.seconds()), r.etaSeconds(),
                r.counts(), r.failure(), r.state() == ImportReport.State.RUNNING ? List.of() : r.summary());
    }

    /** The newsroom's frame; the newsroom feature builds this for its own pages the same way. */
    private NewsroomChrome chrome(Authentication auth, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        ResourceUrlProvider provider = resourceUrls.getIfAvailable();
        String css = provider == null ? null : provider.getForLookupPath("/assets/site.css");
        String role = auth.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", "")).findFirst().orElse("");
        return new NewsroomChrome(settings.current().title(), auth.getName(), role,
                List.of(new NewsroomChrome.NavItem("Newsroom", "/newsroom/", false),
                        new NewsroomChrome.NavItem("Import", "/newsroom/import/", true)),
                0, css == null ? "/assets/site.css" : css, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken());
    }
}
