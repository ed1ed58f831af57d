package io.newsctl.ingest;

import io.newsctl.ingest.parse.HtmlCharsets;
import io.newsctl.ingest.parse.PageMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A file source: pages saved from a browser ({@code *.html}, {@code *.htm}) under a folder, each with
 * the URL it was saved from. That URL comes from the {@code <!-- saved from url=(0041)https://… -->}
 * comment browsers write at the top, else from rel=canonical or og:url. Files without any URL are
 * reported as skipped with the reason, not parsed.
 */
public final class SavedPages {
    private static final Pattern SAVED_FROM = Pattern.compile("<!--\\s*saved from url=\\(\\d+\\)\\s*(\\S+?)\\s*-->",
            Pattern.CASE_INSENSITIVE);
    private static final int HEAD_BYTES = 4096;

    /** A saved page and where its URL came from: {@code saved-from}, {@code canonical} or {@code og:url}. */
    public record SavedPage(Path file, String url, String urlEvidence, Instant savedAt) {
        public byte[] read() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** A file that is not used, and why. */
    public record Skipped(Path file, String reason) {
    }

    /** The pages found (sorted by path) and the files skipped. */
    public record Scan(List<SavedPage> pages, List<Skipped> skipped) {
        public Scan {
            pages = List.copyOf(pages);
            skipped = List.copyOf(skipped);
        }
    }

    private SavedPages() {
    }

    /** Every {@code .html}/{@code .htm} file under {@code root}, recursively, in path order. */
    public static Scan scan(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".html") || n.endsWith(".htm");
                    })
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
                    .toList();
        }
        List<SavedPage> pages = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                skipped.add(new Skipped(file, "unreadable: " + e.getMessage()));
                continue;
            }
            String[] found = urlOf(bytes);
            if (found == null) {
                skipped.add(new Skipped(file, "no URL: no 'saved from url' comment, rel=canonical or og:url"));
                continue;
            }
            Instant savedAt = Files.getLastModifiedTime(file).toInstant();
            pages.add(new SavedPage(file, found[0], found[1], savedAt));
        }
        return new Scan(pages, skipped);
    }

    /**
     * The URL a saved page came from: its "saved from url" comment, else rel=canonical, else og:url;
     * empty when the page names none.
     */
    public static Optional<String> sourceUrl(byte[] bytes) {
        String[] found = urlOf(bytes);
        return found == null ? Optional.empty() : Optional.of(found[0]);
    }

    /** The URL a saved page came from and its evidence, or null. */
    static String[] urlOf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = SAVED_FROM.matcher(head);
        if (m.find()) {
            String url = UrlCanonicalizer.normalize(m.group(1));
            if (url != null) {
                return new String[] {m.group(1), "saved-from"};
            }
        }
        Document doc = Jsoup.parse(HtmlCharsets.decode(bytes, null).text());
        PageMeta meta = PageMeta.read(doc);
        if (meta.canonical() != null && UrlCanonicalizer.normalize(meta.canonical()) != null) {
            return new String[] {meta.canonical(), "canonical"};
        }
        String og = meta.property("og:url");
        if (og != null && UrlCanonicalizer.normalize(og) != null) {
            return new String[] {og, "og:url"};
        }
        return null;
    }
}
