package com.customk9.training.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * The kinds of file a client may upload, recognised by their content alone: the name and the declared
 * content type are the client's word, the bytes are not. Executables (ELF, PE, Mach-O, scripts with a
 * shebang) and anything else not listed here are refused. Office documents (ZIP containers) are not
 * accepted: telling a .docx from any other ZIP, macros included, would mean unpacking untrusted archives.
 */
public enum FileType {

    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg", "jpe"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    TEXT("text/plain", "txt", "text", "log", "md");

    /** What the 415 lists. */
    static final List<String> ALLOWED = Arrays.stream(values()).map(FileType::mimetype).toList();

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] GIF87_MAGIC = ascii("GIF87a");
    private static final byte[] GIF89_MAGIC = ascii("GIF89a");
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static final byte[] ELF_MAGIC = { 0x7F, 'E', 'L', 'F' };
    private static final byte[] PE_MAGIC = ascii("MZ");
    private static final byte[] SHEBANG = ascii("#!");
    /** Mach-O 32/64 bit in both byte orders, and universal ("fat") binaries, which share Java class files' magic. */
    private static final List<byte[]> MACH_O_MAGICS = List.of(
            new byte[] { (byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE },
            new byte[] { (byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF },
            new byte[] { (byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE },
            new byte[] { (byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE },
            new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE });

    private final String mimetype;
    private final List<String> extensions;

    FileType(String mimetype, String... extensions) {
        this.mimetype = mimetype;
        this.extensions = List.of(extensions);
    }

    public String mimetype() {
        return mimetype;
    }

    /** The extension a name of this type gets when its own does not fit. */
    String extension() {
        return extensions.get(0);
    }

    boolean fits(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** The type of {@code content}, or a 415 in the error envelope. */
    static FileType of(byte[] content) {
        if (isExecutable(content)) {
            throw unsupported("Executable files cannot be uploaded", "is an executable");
        }
        return detect(content).orElseThrow(() -> unsupported(
                "Only PDF, PNG, JPEG, GIF, WebP and plain-text (UTF-8) files can be uploaded",
                "is not one of the allowed file types"));
    }

    /** The allowed type {@code content} is, if any; executables never are. */
    static Optional<FileType> detect(byte[] content) {
        if (startsWith(content, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, GIF87_MAGIC) || startsWith(content, 0, GIF89_MAGIC)) {
            return Optional.of(GIF);
        }
        if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (!isExecutable(content) && isPlainText(content)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    static boolean isExecutable(byte[] content) {
        int start = startsWith(content, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        return startsWith(content, 0, ELF_MAGIC) || startsWith(content, 0, PE_MAGIC)
                || startsWith(content, start, SHEBANG)
                || MACH_O_MAGICS.stream().anyMatch(magic -> startsWith(content, 0, magic));
    }

    /**
     * Well-formed UTF-8 without NULs or other control characters than tab, line feed, form feed and
     * carriage return: binary data almost never is.
     */
    static boolean isPlainText(byte[] content) {
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static ApiException unsupported(String message, String problem) {
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message,
                Map.of("file", List.of(problem), "allowed_types", ALLOWED));
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
