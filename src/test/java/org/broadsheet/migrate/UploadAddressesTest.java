package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shapes of WordPress upload addresses, and the names of the copies WordPress makes of an image. */
class UploadAddressesTest {

    final UploadAddresses site = new UploadAddresses(
            new Wxr.Channel("Journal", "", "https://net.example/blog", "en", "1.2", "https://net.example", "https://net.example/blog"));

    @Test
    void aSelfHostedSitesUploadsOnAnyHost() {
        assertThat(site.of("https://old.example/wp-content/uploads/2020/01/photo.jpg?ver=2#top"))
                .isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", null));
        assertThat(site.of("/wp-content/uploads/2020/01/caf%C3%A9+au+lait.jpg"))
                .isEqualTo(new UploadAddresses.Upload("2020/01/café+au+lait.jpg", null));
        assertThat(site.oldPath("https://old.example/wp-content/uploads/2020/01/photo.jpg")).isEqualTo("/wp-content/uploads/2020/01/photo.jpg");
    }

    @Test
    void aNetworksSiteKeepsItsNumber() {
        UploadAddresses.Upload upload = site.of("https://net.example/wp-content/uploads/sites/3/2020/01/photo.jpg");
        assertThat(upload).isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", "3"));
        assertThat(upload.key()).isEqualTo("sites/3/2020/01/photo.jpg");
        assertThat(site.oldPath("https://net.example/wp-content/uploads/sites/3/2020/01/photo.jpg"))
                .isEqualTo("/wp-content/uploads/sites/3/2020/01/photo.jpg");
    }

    @Test
    void theOldNetworksFilesOnlyUnderTheOldSitesAddress() {
        assertThat(site.of("https://net.example/blog/files/2020/01/photo.jpg")).isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", null));
        assertThat(site.of("http://NET.example/files/2020/01/photo.jpg")).isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", null));
        assertThat(site.of("/blog/files/2020/01/photo.jpg")).isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", null));
        assertThat(site.oldPath("https://net.example/blog/files/2020/01/photo.jpg")).isEqualTo("/blog/files/2020/01/photo.jpg");
        // Somebody else's files folder is not the old site's.
        assertThat(site.of("https://github.example/org/repo/files/2020/01/photo.jpg")).isNull();
        assertThat(site.of("https://net.example.evil/files/photo.jpg")).isNull();
        assertThat(site.of("files/2020/01/photo.jpg")).isNull();
    }

    @Test
    void wordPressComsFileServersAndImageCdn() {
        assertThat(site.of("https://journal.files.wordpress.com/2020/01/photo.jpg?w=640"))
                .isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", null));
        assertThat(site.of("https://i0.wp.com/journal.files.wordpress.com/2020/01/photo.jpg?resize=300%2C200"))
                .isEqualTo(new UploadAddresses.Upload("2020/01/photo.jpg", null));
        // Requests for WordPress.com's hosts never reach the new site: no old path to answer.
        assertThat(site.oldPath("https://journal.files.wordpress.com/2020/01/photo.jpg")).isNull();
        assertThat(site.of("https://files.wordpress.com.evil.example/2020/01/photo.jpg")).isNull();
    }

    @Test
    void whatIsNoUpload() {
        assertThat(site.of(null)).isNull();
        assertThat(site.of("")).isNull();
        assertThat(site.of("https://elsewhere.example/2020/01/photo.jpg")).isNull();
        assertThat(site.of("https://old.example/wp-content/uploads/")).isNull();
        assertThat(site.of("https://old.example/wp-content/uploads/%zz.jpg")).isNull();
        assertThat(site.oldPath("not an address at all")).isNull();
    }

    @Test
    void resizedCopiesNameTheirOriginals() {
        assertThat(UploadAddresses.originals("/wp-content/uploads/2020/01/photo-300x200.jpg"))
                .containsExactly("/wp-content/uploads/2020/01/photo.jpg", "/wp-content/uploads/2020/01/photo-scaled.jpg");
        assertThat(UploadAddresses.originals("/wp-content/uploads/2020/01/photo-scaled.jpg"))
                .containsExactly("/wp-content/uploads/2020/01/photo.jpg");
        assertThat(UploadAddresses.originals("/wp-content/uploads/2020/01/photo.jpg"))
                .containsExactly("/wp-content/uploads/2020/01/photo-scaled.jpg");
        assertThat(UploadAddresses.originals("/wp-content/uploads/2020/01/some-photo-1024x683.JPEG"))
                .startsWith("/wp-content/uploads/2020/01/some-photo.JPEG");
        assertThat(UploadAddresses.originals("/about/")).isEmpty();
        assertThat(UploadAddresses.originals("/.htaccess")).isEmpty();
        assertThat(UploadAddresses.originals("/wp-login.php")).isEmpty();
        assertThat(UploadAddresses.originals("/wp-content/uploads/2020/01/report-2019.pdf")).isEmpty();
    }
}
