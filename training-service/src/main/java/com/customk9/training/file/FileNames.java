package com.customk9.training.file;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file name as the client sent it is only ever a display name: never a path, never trusted. It loses
 * any directories, control and invisible formatting characters (bidirectional overrides that disguise
 * an extension included), characters Windows forbids, leading and trailing dots and blanks; it is cut
 * to {@link #MAX_LENGTH} characters and ends with an extension that fits what the content is.
 */
final class FileNames {

    static final int MAX_LENGTH = 120;
    static final String FALLBACK = "file";

    private static final String WINDOWS_FORBIDDEN = "<>:\"/\\|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** RFC 5987 attr-char: what stays unescaped in {@code filename*}. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileNames() {
    }

    /** The name to store for an upload of {@code type} the client called {@code clientName}. */
    static String forUpload(String clientName, FileType type) {
        String name = clean(clientName);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (!type.fits(extension)) {
            base = name;
            extension = type.extension();
        }
        base = truncate(base, MAX_LENGTH - extension.length() - 1);
        base = trimDotsAndBlanks(base);
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        return base + "." + extension;
    }

    /** A name read from Odoo (anyone with access to Odoo may have set it), made safe to show and to send. */
    static String forDisplay(String storedName) {
        String name = truncate(clean(storedName), MAX_LENGTH);
        name = trimDotsAndBlanks(name);
        return name.isEmpty() ? FALLBACK : name;
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266):
     * the name goes through {@link #forDisplay} first, so no quote, backslash or line break reaches the header.
     */
    static String contentDisposition(String storedName) {
        String name = forDisplay(storedName);
        StringBuilder fallback = new StringBuilder();
        name.codePoints().forEach(cp -> fallback.append(cp >= 0x20 && cp < 0x7F && cp != '%' ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    /** The last path segment, without what cannot or should not appear in a name. */
    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String name = raw;
        int lastSeparator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(lastSeparator + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                        Character.UNASSIGNED -> {
                    if (Character.isWhitespace(cp)) {
                        clean.append(' ');
                    }
                }
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR ->
                    clean.append(' ');
                default -> clean.append(WINDOWS_FORBIDDEN.indexOf(cp) >= 0 ? "_" : new String(Character.toChars(cp)));
            }
        });
        name = SPACES.matcher(clean).replaceAll(" ");
        name = trimDotsAndBlanks(name);
        int dot = name.indexOf('.');
        String device = (dot < 0 ? name : name.substring(0, dot)).trim().toLowerCase(Locale.ROOT);
        if (WINDOWS_DEVICES.contains(device)) {
            name = "_" + name;
        }
        return name;
    }

    private static String trimDotsAndBlanks(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** At most {@code max} characters (code points), never splitting one. */
    private static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
