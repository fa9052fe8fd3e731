package org.broadsheet.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.UploadLimit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The newsroom's WordPress import, for administrators: an upload form at {@code /newsroom/import/} and a
 * progress page per import that reloads itself until the import ends, then shows the report. The newsroom's
 * chrome (menu, user, CSRF field) comes from the newsroom's advice, as on every page under /newsroom/.
 */
@Controller
class ImportController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ImportJobs jobs;
    private final BroadsheetProperties properties;
    private final String maxUpload;

    ImportController(ImportJobs jobs, BroadsheetProperties properties, UploadLimit uploadLimit) {
        this.jobs = jobs;
        this.properties = properties;
        this.maxUpload = uploadLimit.readable();
    }

    @GetMapping("/newsroom/import/")
    String form(Authentication auth, HttpServletResponse response, Model model) throws IOException {
        if (!administrator(auth, response)) {
            return null;
        }
        model.addAttribute("page", new ImportPages.Form(
                jobs.recent().stream().map(ImportController::view).toList(), maxUpload));
        return "migrate/import";
    }

    @PostMapping("/newsroom/import/")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Authentication auth,
                  HttpServletResponse response) throws IOException {
        if (!administrator(auth, response)) {
            return null;
        }
        // A browser sends a form without a chosen file as a part with no file name.
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            throw new BadRequestException("Choose a WordPress export file (.xml) to import.");
        }
        String name = fileName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw new BadRequestException(name + " is empty: export the site again (Tools › Export in WordPress) "
                    + "and upload that file.");
        }
        Path dir = properties.dataDir().resolve("tmp");
        Files.createDirectories(dir);
        Path upload = Files.createTempFile(dir, "import-", ".xml");
        file.transferTo(upload);
        ImportJobs.Job job = jobs.start(upload, name, auth.getName());
        return "redirect:/newsroom/import/" + job.id() + "/";
    }

    @GetMapping("/newsroom/import/{id}/")
    String progress(@PathVariable String id, Authentication auth, HttpServletResponse response, Model model)
            throws IOException {
        if (!administrator(auth, response)) {
            return null;
        }
        ImportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("There is no import with this address."));
        model.addAttribute("page", new ImportPages.Progress(view(job)));
        return "migrate/progress";
    }

    /** The name without the folders that some browsers send with it (a Windows path). */
    private static String fileName(String original) {
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        return name.isBlank() ? "export.xml" : name;
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
                r.counts(), r.failure(), r.state() == ImportReport.State.RUNNING || r.state() == ImportReport.State.WAITING ? List.of() : r.summary());
    }
}
