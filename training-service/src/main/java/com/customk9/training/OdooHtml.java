package com.customk9.training;

import java.util.regex.Pattern;

/**
 * Plain text in and out of Odoo's HTML fields (a calendar event's or a ticket's {@code description}):
 * what a client types is escaped into paragraphs, what Odoo holds is shown as text.
 */
public final class OdooHtml {

    private static final Pattern LINE_BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private OdooHtml() {
    }

    /** {@code text} as HTML paragraphs, one per line; null stays null. */
    public static String fromText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String line : text.strip().split("\\r?\\n")) {
            html.append("<p>").append(escape(line)).append("</p>");
        }
        return html.toString();
    }

    /** The text of Odoo's HTML: tags dropped, paragraphs and breaks as new lines; null for empty. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = TAGS.matcher(LINE_BREAKS.matcher(html).replaceAll("\n")).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
        return text.isEmpty() ? null : text;
    }

    private static String escape(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
