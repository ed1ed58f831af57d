package io.newsctl.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of an HTML page. Order of evidence:
 * <ol>
 *   <li>a byte-order mark;</li>
 *   <li>bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the labels say (text in a
 *       legacy Chinese encoding practically never validates as UTF-8, while mislabelled UTF-8 is
 *       common);</li>
 *   <li>the charset of the HTTP {@code Content-Type}, unless it is a Western single-byte default while
 *       the page declares something else, or it cannot decode the bytes;</li>
 *   <li>{@code <meta charset>} or {@code <meta http-equiv="Content-Type">} in the first 4 KiB;</li>
 *   <li>statistical detection (juniversalchardet);</li>
 *   <li>GB18030, the usual encoding of Chinese pages that say nothing.</li>
 * </ol>
 * GB2312 and GBK labels decode as GB18030 (their superset), Big5 as Big5-HKSCS. A declared charset is
 * rejected when more than 1 % of the bytes fail to decode under it.
 */
public final class HtmlCharsets {
    private static final int PRESCAN_BYTES = 4096;
    private static final int DETECT_BYTES = 64 * 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]{2,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]{2,40})", Pattern.CASE_INSENSITIVE);
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = charsetOr("Big5-HKSCS", "Big5");

    /** The text and how its charset was chosen ({@code bom}, {@code utf-8-valid}, {@code header}, {@code meta}, {@code detected}, {@code fallback}). */
    public record Decoded(String text, Charset charset, String evidence) {
    }

    private HtmlCharsets() {
    }

    public static Decoded decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return new Decoded("", StandardCharsets.UTF_8, "empty");
        }
        Bom bom = bom(body);
        if (bom != null) {
            return new Decoded(new String(body, bom.length, body.length - bom.length, bom.charset), bom.charset, "bom");
        }
        if (!isAscii(body) && errors(body, StandardCharsets.UTF_8, DETECT_BYTES * 4) == 0) {
            return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "utf-8-valid");
        }
        Charset header = charsetFromLabel(headerLabel(contentType));
        Charset meta = charsetFromLabel(metaLabel(body));
        boolean headerIsWeak = header != null && isWesternDefault(header) && meta != null && !meta.equals(header);
        Charset declared = header != null && !headerIsWeak ? header : meta;
        if (header != null && !headerIsWeak && fits(body, header)) {
            return new Decoded(new String(body, header), header, "header");
        }
        if (meta != null && fits(body, meta)) {
            return new Decoded(new String(body, meta), meta, "meta");
        }
        Charset detected = detect(body);
        if (detected != null && (declared == null ? fits(body, detected) : fitsCleanly(body, detected))) {
            return new Decoded(new String(body, detected), detected, "detected");
        }
        if (declared != null) {
            // nothing reads the bytes cleanly: damaged or mixed content; the page's own word is the best guess
            String evidence = declared.equals(header) ? "header" : "meta";
            return new Decoded(new String(body, declared), declared, evidence + "-damaged");
        }
        Charset best = errors(body, BIG5, DETECT_BYTES) < errors(body, GB18030, DETECT_BYTES) ? BIG5 : GB18030;
        return new Decoded(new String(body, best), best, "fallback");
    }

    /** The charset for a label as pages and servers write it, with legacy Chinese labels widened to their superset. */
    public static Charset charsetFromLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "gb-2312-80", "gb2312-80", "csgb2312", "euc-cn", "cp936", "windows-936", "ms936",
                 "gb18030", "chinese", "iso-ir-58", "csiso58gb231280" -> {
                return GB18030;
            }
            case "big5", "big-5", "x-x-big5", "csbig5", "cn-big5", "big5-hkscs", "cp950", "x-windows-950", "windows-950", "ms950" -> {
                return BIG5;
            }
            case "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8" -> {
                return StandardCharsets.UTF_8;
            }
            case "latin1", "iso-8859-1", "ascii", "us-ascii", "iso8859-1" -> {
                return Charset.forName("windows-1252"); // what browsers do for these labels
            }
            default -> {
                try {
                    return Charset.forName(l);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
    }

    static String headerLabel(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    static String metaLabel(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static boolean isWesternDefault(Charset c) {
        String n = c.name();
        return n.equals("windows-1252") || n.equals("ISO-8859-1") || n.equals("US-ASCII");
    }

    private static boolean fits(byte[] body, Charset charset) {
        int sample = Math.min(body.length, DETECT_BYTES * 4);
        return errors(body, charset, sample) <= Math.max(2, sample / 100);
    }

    /** Next to no errors: what it takes to overrule a declared charset. */
    private static boolean fitsCleanly(byte[] body, Charset charset) {
        int sample = Math.min(body.length, DETECT_BYTES * 4);
        return errors(body, charset, sample) <= Math.max(2, sample / 1000);
    }

    private static Charset detect(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, Math.min(body.length, DETECT_BYTES));
        detector.dataEnd();
        return charsetFromLabel(detector.getDetectedCharset());
    }

    /**
     * Counts malformed or unmappable sequences in the first {@code limit} bytes; an incomplete
     * sequence at the very end (a truncated download) is not counted.
     */
    static int errors(byte[] body, Charset charset, int limit) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, 0, Math.min(body.length, limit));
        CharBuffer out = CharBuffer.allocate(8192);
        int errors = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, false);
            if (r.isOverflow()) {
                out.clear();
            } else if (r.isError()) {
                errors++;
                in.position(Math.min(in.limit(), in.position() + r.length()));
            } else {
                break; // underflow: the rest is at most one incomplete sequence
            }
        }
        return errors;
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private record Bom(Charset charset, int length) {
    }

    private static Bom bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x84 && (b[1] & 0xFF) == 0x31 && (b[2] & 0xFF) == 0x95 && (b[3] & 0xFF) == 0x33) {
            return new Bom(GB18030, 4);
        }
        return null;
    }

    private static Charset charsetOr(String name, String fallback) {
        try {
            return Charset.forName(name);
        } catch (UnsupportedCharsetException e) {
            return Charset.forName(fallback);
        }
    }
}
