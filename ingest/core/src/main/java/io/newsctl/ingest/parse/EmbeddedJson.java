package io.newsctl.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads JSON state that pages embed in scripts, e.g. {@code window.initialState = {…};}. */
public final class EmbeddedJson {
    private EmbeddedJson() {
    }

    /**
     * The object assigned to {@code variable} in an inline script, or null when absent or not JSON
     * (36Kr sometimes ships it encrypted: then this returns null and the DOM is used).
     */
    public static JsonNode assigned(Document doc, String variable) {
        for (Element script : doc.select("script:not([src])")) {
            String data = script.data();
            int at = data.indexOf(variable);
            if (at < 0) {
                continue;
            }
            int eq = data.indexOf('=', at + variable.length());
            if (eq < 0) {
                continue;
            }
            int start = data.indexOf('{', eq);
            if (start < 0 || !data.substring(eq + 1, start).isBlank()) {
                continue;
            }
            int end = matchingBrace(data, start);
            if (end < 0) {
                continue;
            }
            try {
                return PageMeta.LENIENT_JSON.readTree(data.substring(start, end + 1));
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    /** Index of the brace closing the object that opens at {@code start}, aware of strings; -1 if unbalanced. */
    static int matchingBrace(String s, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Breadth-first search for the first object node matching the predicate, bounded in nodes visited. */
    public static JsonNode findObject(JsonNode root, Predicate<JsonNode> test, int maxNodes) {
        if (root == null) {
            return null;
        }
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(root);
        int seen = 0;
        while (!queue.isEmpty() && seen++ < maxNodes) {
            JsonNode n = queue.poll();
            if (n.isObject() && test.test(n)) {
                return n;
            }
            if (n.isContainerNode()) {
                Iterator<JsonNode> it = n.elements();
                while (it.hasNext()) {
                    JsonNode child = it.next();
                    if (child.isContainerNode()) {
                        queue.add(child);
                    }
                }
            }
        }
        return null;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : Texts.blankToNull(v.asText());
    }
}
