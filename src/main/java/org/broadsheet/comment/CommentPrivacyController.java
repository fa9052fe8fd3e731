package org.broadsheet.comment;

import java.nio.charset.StandardCharsets;


import org.broadsheet.support.BadRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Export and erasure of a commenter's personal data, for editors, at {@code /newsroom/comments/personal-data}. */
@Controller
class CommentPrivacyController {

    private final CommentPrivacy privacy;

    CommentPrivacyController(CommentPrivacy privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/newsroom/comments/personal-data")
    String show(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("notice", done == null ? "" : done);
        model.addAttribute("retentionDays", privacy.facts().retentionDays());
        return "comment/personal-data";
    }

    @PostMapping("/newsroom/comments/personal-data/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String email) {
        String address = required(email);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("comments-personal-data.json").build().toString())
                .body(privacy.export(address).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/newsroom/comments/personal-data/erase")
    String erase(@RequestParam(required = false) String email) {
        int erased = privacy.erase(required(email));
        return "redirect:/newsroom/comments/personal-data?done=" + org.springframework.web.util.UriUtils.encodeQueryParam(
                "Erased the personal data of " + erased + " comment(s).", "UTF-8");
    }

    private static String required(String email) {
        if (email == null || email.isBlank() || !email.contains("@") || email.length() > 320) {
            throw new BadRequestException("Give the email address whose data you want to export or erase.");
        }
        return email.strip();
    }
}
