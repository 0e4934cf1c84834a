package com.customk9.training.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.forUpload("../../etc/passwd.pdf", FileType.PDF)).isEqualTo("passwd.pdf");
        assertThat(FileNames.forUpload("C:\\Users\\anna\\..\\scan.pdf", FileType.PDF)).isEqualTo("scan.pdf");
        assertThat(FileNames.forUpload("/", FileType.PDF)).isEqualTo("file.pdf");
        assertThat(FileNames.forUpload("..", FileType.TEXT)).isEqualTo("file.txt");
    }

    @Test
    void dropsControlAndInvisibleFormattingCharacters() {
        assertThat(FileNames.forUpload("evil\r\nSet-Cookie: x.pdf", FileType.PDF)).isEqualTo("evil Set-Cookie_ x.pdf");
        assertThat(FileNames.forUpload("a\u0000b\u0007c.png", FileType.PNG)).isEqualTo("abc.png");
        // a right-to-left override makes "invoice\u202Egnp.exe" look like "invoiceexe.png"
        assertThat(FileNames.forUpload("invoice\u202Egnp.exe", FileType.PNG)).isEqualTo("invoicegnp.exe.png");
        assertThat(FileNames.forUpload("zero\u200Bwidth.txt", FileType.TEXT)).isEqualTo("zerowidth.txt");
    }

    @Test
    void replacesWhatWindowsForbidsAndGuardsDeviceNames() {
        assertThat(FileNames.forUpload("a<b>c:d\"e|f?g*h.txt", FileType.TEXT)).isEqualTo("a_b_c_d_e_f_g_h.txt");
        assertThat(FileNames.forUpload("CON.txt", FileType.TEXT)).isEqualTo("_CON.txt");
        assertThat(FileNames.forUpload("  .hidden  ", FileType.TEXT)).isEqualTo("hidden.txt");
    }

    @Test
    void givesTheNameAnExtensionThatFitsTheContent() {
        assertThat(FileNames.forUpload("photo.JPEG", FileType.JPEG)).isEqualTo("photo.JPEG");
        assertThat(FileNames.forUpload("photo.jpg", FileType.PNG)).isEqualTo("photo.jpg.png");
        assertThat(FileNames.forUpload("page.html", FileType.TEXT)).isEqualTo("page.html.txt");
        assertThat(FileNames.forUpload("README", FileType.TEXT)).isEqualTo("README.txt");
        assertThat(FileNames.forUpload(null, FileType.GIF)).isEqualTo("file.gif");
    }

    @Test
    void limitsTheLengthWithoutSplittingACharacterOrLosingTheExtension() {
        String name = FileNames.forUpload("🐕".repeat(200) + ".pdf", FileType.PDF);
        assertThat(name).endsWith(".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name.substring(0, name.length() - 4)).matches("(🐕)+");
    }

    @Test
    void encodesTheContentDispositionForEveryBrowser() {
        assertThat(FileNames.contentDisposition("Impfpass Rex (März).pdf"))
                .isEqualTo("attachment; filename=\"Impfpass Rex (M_rz).pdf\"; "
                        + "filename*=UTF-8''Impfpass%20Rex%20%28M%C3%A4rz%29.pdf");
        assertThat(FileNames.contentDisposition("100%;\"x\".pdf"))
                .isEqualTo("attachment; filename=\"100_;_x_.pdf\"; filename*=UTF-8''100%25%3B_x_.pdf");
        assertThat(FileNames.contentDisposition("a\r\nb.txt")).doesNotContain("\r").doesNotContain("\n");
    }
}
